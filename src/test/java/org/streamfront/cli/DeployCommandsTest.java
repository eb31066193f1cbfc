package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.PlanJson;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.sim.SimFault;
import org.streamfront.testing.ChildProcesses;
import org.streamfront.testing.SimulatorExtension;

/** apply, status, list and teardown as a script runs them: own process, standard AWS variables. */
@ChildProcesses
class DeployCommandsTest {
    @TempDir
    Path home;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;


    private Map<String, String> env() {
        return CommandProcess.awsVariables(sim);
    }

    @Test
    void applyWaitStatusListTeardown() throws Exception {
        sim.deployDelay(Duration.ofSeconds(2));
        Path plan = CliTest.write(home, "plan.json",
                "{\"origin\": {\"domain\": \"ams.example.com\"}, \"stream\": {\"id\": \"stream1\"}}");
        CommandProcess apply = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(apply.exit()).as(apply.err()).isZero();
        JsonNode result = PlanJson.MAPPER.readTree(apply.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        String id = result.get("id").asText();
        assertThat(result.get("status").asText()).isEqualTo("Deployed");
        assertThat(result.get("url").asText()).isEqualTo("https://" + result.get("domain").asText() + "/streams/stream1.m3u8");
        assertThat(apply.err()).contains("CloudFront created distribution").contains("Deployed");
        assertThat(PlanJson.read(plan).planId()).as("plan id written back before the create").startsWith("sf-");

        CommandProcess again = CommandProcess.run(home, env(), "apply", plan.toString());
        assertThat(again.exit()).isZero();
        assertThat(PlanJson.MAPPER.readTree(again.out().strip()).get("id").asText()).isEqualTo(id);
        assertThat(sim.distributionCount()).isEqualTo(1);

        CommandProcess status = CommandProcess.run(home, env(), "status", id);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Deployed").contains("ams.example.com").contains("/streams/stream1.m3u8");

        CommandProcess list = CommandProcess.run(home, env(), "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(id);

        CommandProcess teardown = CommandProcess.run(home, env(), "teardown", id, "--wait");
        assertThat(teardown.exit()).as(teardown.err()).isZero();
        assertThat(sim.distributionCount()).isZero();
    }

    @Test
    void exitCodesSayWhatKindOfFailure() throws Exception {
        Path bad = CliTest.write(home, "bad.json", "{\"origin\": {\"domain\": \"10.0.0.1\"}}");
        assertThat(CommandProcess.run(home, env(), "apply", bad.toString()).exit()).isEqualTo(2);

        Path good = CliTest.write(home, "good.json", "{\"origin\": {\"domain\": \"ams.example.com\"}}");
        var unreachable = Map.of("AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y",
                "AWS_ENDPOINT_URL_CLOUDFRONT", "http://127.0.0.1:9");
        CommandProcess down = CommandProcess.run(home, unreachable, "status", "E123");
        assertThat(down.exit()).isEqualTo(1);
        assertThat(down.err()).contains("cannot reach AWS");

        CommandProcess missing = CommandProcess.run(home, env(), "status", "ENOSUCH");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no longer exists");
        assertThat(good).exists();
    }

    @Test
    void dryRunSaysWhatWouldChangeAndChangesNothing() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Path plan = CliTest.write(home, "plan.json",
                "{\"origin\": {\"domain\": \"ams-old.example.com\"}, \"stream\": {\"id\": \"stream1\"}}");
        CommandProcess first = CommandProcess.run(home, env(), "apply", plan.toString(), "--dry-run");
        assertThat(first.exit()).as("nothing made yet: a change is needed").isEqualTo(3);
        assertThat(first.err()).contains("would create one");
        assertThat(Files.readString(plan)).as("a dry run writes nothing, not even the plan id").doesNotContain("planId");

        CommandProcess apply = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(apply.exit()).as(apply.err()).isZero();
        String id = PlanJson.MAPPER.readTree(apply.out().strip().lines().reduce((a, b) -> b).orElseThrow()).get("id").asText();

        CommandProcess same = CommandProcess.run(home, env(), "apply", plan.toString(), "--dry-run");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.err()).contains(id + " matches the plan");

        String withPlanId = Files.readString(plan);
        Files.writeString(plan, withPlanId.replace("ams-old.example.com", "ams.example.com")
                .replace("\"cachingMinTtlSeconds\" : 3", "\"cachingMinTtlSeconds\" : 5"));
        CommandProcess differs = CommandProcess.run(home, env(), "apply", plan.toString(), "--dry-run");
        assertThat(differs.exit()).as(differs.err()).isEqualTo(3);
        assertThat(differs.err()).contains("Origin host: ams-old.example.com \u2192 ams.example.com")
                .contains("404 remembered: 3 s \u2192 5 s");
        JsonNode summary = PlanJson.MAPPER.readTree(differs.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.get("id").asText()).isEqualTo(id);
        assertThat(summary.get("changes").toString()).contains("Origin host");
        try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri())) {
            assertThat(cf.getDistributionConfig(b -> b.id(id)).distributionConfig().origins().items().getFirst().domainName())
                    .as("nothing changed on CloudFront").isEqualTo("ams-old.example.com");
        }
        assertThat(sim.calls("UpdateDistribution")).isZero();
    }

    @Test
    void applyUpdatesADistributionThatDiffersAndAsksAgainWhenSomeoneChangedItMeanwhile() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Path plan = CliTest.write(home, "plan.json",
                "{\"origin\": {\"domain\": \"ams-old.example.com\"}, \"stream\": {\"id\": \"stream1\"}}");
        CommandProcess created = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(created.exit()).as(created.err()).isZero();
        String id = PlanJson.MAPPER.readTree(created.out().strip().lines().reduce((a, b) -> b).orElseThrow()).get("id").asText();
        Files.writeString(plan, Files.readString(plan).replace("ams-old.example.com", "ams.example.com"));

        sim.inject(SimFault.STALE_ETAG, "UpdateDistribution");
        CommandProcess stale = CommandProcess.run(home, env(), "apply", plan.toString());
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.err()).contains("changed the distribution while").contains("Origin host: ams-old.example.com")
                .contains("Nothing was changed").doesNotContain("Exception");

        CommandProcess updated = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(updated.exit()).as(updated.err()).isZero();
        assertThat(updated.err()).contains("Updating distribution " + id).contains("Origin host: ams-old.example.com \u2192 ams.example.com");
        JsonNode result = PlanJson.MAPPER.readTree(updated.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.get("id").asText()).as("the same distribution, the same address").isEqualTo(id);
        assertThat(result.get("status").asText()).isEqualTo("Deployed");
        try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri())) {
            assertThat(cf.getDistributionConfig(b -> b.id(id)).distributionConfig().origins().items().getFirst().domainName())
                    .isEqualTo("ams.example.com");
        }
        assertThat(sim.distributionCount()).isEqualTo(1);
    }

    @Test
    void aDistributionDeletedOutsideStreamFrontIsSaidAndRemadeOnlyWhenAsked() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Path plan = CliTest.write(home, "plan.json", "{\"origin\": {\"domain\": \"ams.example.com\"}}");
        CommandProcess created = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait");
        String id = PlanJson.MAPPER.readTree(created.out().strip().lines().reduce((a, b) -> b).orElseThrow()).get("id").asText();
        try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri())) {
            var config = cf.getDistributionConfig(b -> b.id(id));
            var off = cf.updateDistribution(b -> b.id(id).ifMatch(config.eTag())
                    .distributionConfig(config.distributionConfig().toBuilder().enabled(false).build()));
            cf.deleteDistribution(b -> b.id(id).ifMatch(off.eTag()));
        }
        CommandProcess refused = CommandProcess.run(home, env(), "apply", plan.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("deleted outside StreamFront").contains("--create-if-missing");
        assertThat(sim.distributionCount()).isZero();

        CommandProcess remade = CommandProcess.run(home, env(), "apply", plan.toString(), "--create-if-missing");
        assertThat(remade.exit()).as(remade.err()).isZero();
        assertThat(sim.distributionCount()).isEqualTo(1);
        assertThat(PlanJson.MAPPER.readTree(remade.out().strip().lines().reduce((a, b) -> b).orElseThrow()).get("id").asText())
                .isNotEqualTo(id);
    }
}
