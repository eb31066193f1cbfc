package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamfront.access.ViewerFunction;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.PlanJson;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.ChildProcesses;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Viewer tokens as a script uses them, each command in its own process against the practice world:
 * validate, apply with a secret file, token, the edge refusing and playing, teardown leaving nothing;
 * and apply and teardown killed with SIGKILL at each new remote step, then run again.
 */
@ChildProcesses
class ViewerTokenCommandsTest {
    private static final String PLAN_ID = "sf-tokens";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    private Path plan() throws Exception {
        return CliTest.write(home, "plan.json", "{\"planId\": \"" + PLAN_ID + "\", \"origin\": {\"domain\": \"ams.example.com\"},"
                + " \"stream\": {\"id\": \"stream1\"}, \"access\": {\"mode\": \"token\"}}");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void validateApplyTokenPlayAndTeardownWithTheSecretNowhereElse() throws Exception {
        try (PracticeWorld world = PracticeWorld.start(Duration.ofMillis(300))) {
            var env = CommandProcess.awsVariables(world);
            Path plan = CliTest.write(home, "plan.json", "{\"planId\": \"" + PLAN_ID + "\", \"origin\": {\"domain\": \"" + world.examplePlan().origin().domain()
                    + "\", \"httpPort\": " + world.examplePlan().origin().httpPort() + "}, \"stream\": {\"id\": \"stream1\"}, \"access\": {\"mode\": \"token\"}}");
            List<CommandProcess> runs = new ArrayList<>();
            CommandProcess validate = CommandProcess.run(home, env, "validate", plan.toString());
            runs.add(validate);
            assertThat(validate.exit()).as(validate.err()).isZero();

            Path secretFile = home.resolve("viewers.secret");
            CommandProcess apply = CommandProcess.run(home, env, "apply", plan.toString(), "--token-secret-file", secretFile.toString(),
                    "--wait", "--timeout", "60s");
            runs.add(apply);
            assertThat(apply.exit()).as(apply.err()).isZero();
            assertThat(apply.err()).contains("A new viewer-token secret was written to", "a valid token: let through", "publishing the edge check");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
            String secret = Files.readString(secretFile).strip();
            JsonNode result = PlanJson.MAPPER.readTree(apply.out().strip().lines().reduce((a, b) -> b).orElseThrow());
            String id = result.get("id").asText();
            URI edge = world.edge.addressOf(result.get("domain").asText());
            assertThat(get(edge.resolve("/streams/stream1.m3u8")).statusCode()).as("no token").isEqualTo(401);

            CommandProcess token = CommandProcess.run(home, env, "token", id, "--valid", "10m");
            runs.add(token);
            assertThat(token.exit()).as(token.err()).isZero();
            CommandProcess other = CommandProcess.run(home, env, "token", id, "--secret-file", secretFile.toString());
            runs.add(other);
            assertThat(other.exit()).as(other.err()).isZero();
            // Both viewers' addresses first, then their requests one after the other: well within the segment's cache time.
            URI url = URI.create(PlanJson.MAPPER.readTree(token.out().strip().lines().reduce((a, b) -> b).orElseThrow()).get("url").asText());
            URI second = URI.create(PlanJson.MAPPER.readTree(other.out().strip().lines().reduce((a, b) -> b).orElseThrow()).get("url").asText());
            assertThat(second).isNotEqualTo(url);
            HttpResponse<String> playlist = get(url);
            assertThat(playlist.statusCode()).isEqualTo(200);
            String segment = playlist.body().lines().filter(l -> l.endsWith(".ts")).reduce((a, b) -> b).orElseThrow();
            assertThat(get(playlist.uri().resolve(segment)).statusCode()).as("a segment, relative to the playlist").isEqualTo(200);
            HttpResponse<String> secondViewer = get(second.resolve(segment));
            assertThat(secondViewer.statusCode()).isEqualTo(200);
            assertThat(secondViewer.headers().firstValue("X-Cache")).as("one cached copy for both viewers").hasValue("Hit from cloudfront");

            CommandProcess snippet = CommandProcess.run(home, env, "token", id, "--snippet", "python");
            runs.add(snippet);
            assertThat(snippet.out()).contains("/t/\" + viewer_token(\"stream1\")", result.get("domain").asText());

            CommandProcess teardown = CommandProcess.run(home, env, "teardown", id, "--wait", "--timeout", "60s");
            runs.add(teardown);
            assertThat(teardown.exit()).as(teardown.err()).isZero();
            assertThat(world.api.functionNames()).as("the function went with the distribution").isEmpty();
            assertThat(world.api.keyValueStoreNames()).as("and the store with its secret").isEmpty();

            for (CommandProcess run : runs) {
                assertThat(run.out() + run.err()).as("the secret in no output").doesNotContain(secret);
            }
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(secretFile)).toList()) {
                    assertThat(Files.readString(f)).as("the secret in no other file: " + f).doesNotContain(secret);
                }
            }
        }
    }

    /** Where to kill apply or teardown: a call held before, or after, CloudFront carried it out. */
    record KillPoint(String operation, boolean afterApplying) {
        @Override
        public String toString() {
            return (afterApplying ? "after " : "before ") + operation;
        }
    }

    static Stream<Arguments> applyKillPoints() {
        return Stream.of(new KillPoint("CreateKeyValueStore", true), new KillPoint("UpdateKeys", true), new KillPoint("CreateFunction", true),
                new KillPoint("TestFunction", false), new KillPoint("PublishFunction", true), new KillPoint("CreateDistributionWithTags", true))
                .map(Arguments::of);
    }

    static Stream<Arguments> teardownKillPoints() {
        return Stream.of(new KillPoint("DeleteFunction", true), new KillPoint("DeleteKeyValueStore", false)).map(Arguments::of);
    }

    @ParameterizedTest(name = "apply killed {0}")
    @MethodSource("applyKillPoints")
    void applyKilledAtEachEdgeStepEndsWithOneFunctionAndOneStore(KillPoint point) throws Exception {
        try (CloudFrontSimulator sim = CloudFrontSimulator.start(); CloudFrontClient client = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri())) {
            sim.deployDelay(Duration.ofMillis(300));
            var env = CommandProcess.awsVariables(sim);
            Path plan = plan();
            String[] apply = {"apply", plan.toString(), "--token-secret-file", home.resolve("viewers.secret").toString(), "--wait", "--timeout", "60s"};
            Process p = CommandProcess.start(home, env, apply);
            CommandProcess.killAt(p, sim.hold(point.operation(), 0, point.afterApplying()), lines -> false);

            CommandProcess again = CommandProcess.run(home, env, apply);
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(sim.functionNames()).containsExactly(ViewerFunction.functionName(PLAN_ID));
            assertThat(sim.keyValueStoreNames()).containsExactly(ViewerFunction.storeName(PLAN_ID));
            assertThat(sim.distributionIds()).hasSize(1);
            String id = sim.distributionIds().getFirst();
            var config = client.getDistributionConfig(b -> b.id(id)).distributionConfig();
            assertThat(config.defaultCacheBehavior().functionAssociations().items().getFirst().functionARN())
                    .endsWith(":function/" + ViewerFunction.functionName(PLAN_ID));
            assertThat(client.describeFunction(b -> b.name(ViewerFunction.functionName(PLAN_ID)).stage("LIVE")).functionSummary().status())
                    .isEqualTo("DEPLOYED");
        }
    }

    @ParameterizedTest(name = "teardown killed {0}")
    @MethodSource("teardownKillPoints")
    void teardownKilledWhileTidyingTheEdgeCheckLeavesNothing(KillPoint point) throws Exception {
        try (CloudFrontSimulator sim = CloudFrontSimulator.start()) {
            sim.deployDelay(Duration.ZERO);
            var env = CommandProcess.awsVariables(sim);
            CommandProcess apply = CommandProcess.run(home, env, "apply", plan().toString(), "--token-secret-file",
                    home.resolve("viewers.secret").toString(), "--wait", "--timeout", "60s");
            assertThat(apply.exit()).as(apply.err()).isZero();
            String id = sim.distributionIds().getFirst();
            Process p = CommandProcess.start(home, env, "teardown", id, "--wait", "--timeout", "60s");
            CommandProcess.killAt(p, sim.hold(point.operation(), 0, point.afterApplying()), lines -> false);

            CommandProcess again = CommandProcess.run(home, env, "teardown", id, "--wait", "--timeout", "60s");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(sim.distributionIds()).isEmpty();
            assertThat(sim.functionNames()).isEmpty();
            assertThat(sim.keyValueStoreNames()).isEmpty();
        }
    }
}
