package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.plan.PlanJson;
import org.streamfront.sim.CloudFrontSimulator;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import org.streamfront.testing.ChildProcesses;
import org.streamfront.testing.SimulatorExtension;

/**
 * Crash safety, proven by killing: {@code apply --wait} and {@code teardown --wait} run in their own
 * process against the CloudFront simulator, are killed with SIGKILL at a chosen moment (a call held
 * before or after CloudFront carried it out, or the n-th progress line), then the same command runs
 * again. After each: exactly one live distribution for the plan (or none after a teardown), no
 * orphan, and the history on disk says what CloudFront says.
 */
@ChildProcesses
class CrashSafetyTest {
    private static final String PLAN_ID = "sf-crashtest";

    @TempDir
    Path home;
    /** Long enough for a run to see InProgress and be killed while it waits, short enough not to wait long. */
    private static final Duration DEPLOYING = Duration.ofMillis(400);
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;
    private final CloudFrontClient client = cloudFront.client;


    /**
     * Where to kill: a call held by the simulator (operation, calls let through first, after applying),
     * or the progress line numbered {@code line}, which must be the one that starts with {@code text}.
     */
    record KillPoint(String operation, int letThrough, boolean afterApplying, int line, String text) {
        static KillPoint call(String operation, int letThrough, boolean afterApplying) {
            return new KillPoint(operation, letThrough, afterApplying, 0, null);
        }

        static KillPoint line(int n, String text) {
            return new KillPoint(null, 0, false, n, text);
        }

        @Override
        public String toString() {
            return operation == null ? "after progress line " + line + " (" + text + ")"
                    : (afterApplying ? "after CloudFront applied " : "before ") + operation + (letThrough > 0 ? " #" + (letThrough + 1) : "");
        }
    }

    static Stream<Arguments> applyKillPoints() {
        return Stream.of(
                KillPoint.line(1, "Making the cache policy StreamFront-playlist"),
                KillPoint.line(2, "Making the cache policy StreamFront-segment"),
                KillPoint.line(3, "Asking CloudFront to create the distribution"),
                KillPoint.line(4, "CloudFront created distribution"),
                KillPoint.call("CreateDistributionWithTags", 0, false),
                KillPoint.call("CreateDistributionWithTags", 0, true),
                KillPoint.call("GetDistribution", 0, false),
                KillPoint.call("GetDistribution", 1, false),
                KillPoint.call("CreateCachePolicy", 0, true),
                KillPoint.call("CreateCachePolicy", 1, false)).map(Arguments::of);
    }

    static Stream<Arguments> createKillPoints() {
        return Stream.of(KillPoint.call("CreateDistributionWithTags", 0, false),
                KillPoint.call("CreateDistributionWithTags", 0, true)).map(Arguments::of);
    }

    static Stream<Arguments> updateKillPoints() {
        return Stream.of(KillPoint.call("UpdateDistribution", 0, false),
                KillPoint.call("UpdateDistribution", 0, true),
                KillPoint.call("GetDistribution", 1, false)).map(Arguments::of); // #2: the watch after the update
    }

    static Stream<Arguments> teardownKillPoints() {
        return Stream.of(
                KillPoint.line(1, "Disabling the distribution"),
                KillPoint.line(2, "Waiting for CloudFront to finish disabling it"),
                KillPoint.line(3, "CloudFront status: InProgress"),
                KillPoint.call("GetDistributionConfig", 0, false),
                KillPoint.call("UpdateDistribution", 0, false),
                KillPoint.call("UpdateDistribution", 0, true),
                KillPoint.call("GetDistribution", 0, false),
                KillPoint.call("GetDistribution", 1, false),
                KillPoint.call("DeleteDistribution", 0, false),
                KillPoint.call("DeleteDistribution", 0, true),
                KillPoint.call("DeleteCachePolicy", 0, true),
                KillPoint.call("DeleteCachePolicy", 1, false)).map(Arguments::of);
    }

    @ParameterizedTest(name = "apply killed {0}")
    @MethodSource("applyKillPoints")
    void applyKilledAnywhereLeavesExactlyOneDistribution(KillPoint point) throws Exception {
        sim.deployDelay(DEPLOYING);
        Path plan = plan();
        killAt(point, "apply", plan.toString(), "--wait", "--timeout", "60s");
        String id = applyToTheEnd(plan);
        assertExactlyOneLive(id);
        assertThat(sim.cachePolicyNames()).as("each policy once").containsExactlyInAnyOrder(
                "StreamFront-playlist-1s-qs", "StreamFront-segment-10s-qs");
    }

    @ParameterizedTest(name = "apply killed twice, {0} then while looking for it")
    @MethodSource("createKillPoints")
    void applyKilledAgainWhileResumingStillLeavesOne(KillPoint point) throws Exception {
        sim.deployDelay(DEPLOYING);
        Path plan = plan();
        killAt(point, "apply", plan.toString(), "--wait", "--timeout", "60s");
        killAt(KillPoint.call("ListDistributions", 0, false), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertExactlyOneLive(applyToTheEnd(plan));
    }

    @ParameterizedTest(name = "update killed {0}")
    @MethodSource("updateKillPoints")
    void updateKilledAnywhereConvergesOnTheSameDistribution(KillPoint point) throws Exception {
        sim.deployDelay(Duration.ZERO);
        Path plan = plan();
        String id = applyToTheEnd(plan);
        Files.writeString(plan, Files.readString(plan).replace("ams.example.com", "ams-moved.example.com"));
        sim.deployDelay(DEPLOYING);
        killAt(point, "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(applyToTheEnd(plan)).as("the same distribution, the same address").isEqualTo(id);
        assertExactlyOneLive(id);
        assertThat(client.getDistributionConfig(b -> b.id(id)).distributionConfig().origins().items().getFirst().domainName())
                .isEqualTo("ams-moved.example.com");
    }

    @ParameterizedTest(name = "teardown killed {0}")
    @MethodSource("teardownKillPoints")
    void teardownKilledAnywhereResumesToDeletion(KillPoint point) throws Exception {
        sim.deployDelay(Duration.ZERO);
        Path plan = plan();
        String id = applyToTheEnd(plan);
        sim.deployDelay(DEPLOYING);
        killAt(point, "teardown", id, "--wait", "--timeout", "60s");

        CommandProcess again = CommandProcess.run(home, env(), "teardown", id, "--wait", "--timeout", "60s");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(sim.distributionCount()).isZero();
        assertThat(sim.cachePolicyNames()).as("no policy left dangling").isEmpty();
        JsonNode entry = historyEntry();
        assertThat(entry.get("state").asText()).isEqualTo("DELETED");
        assertThat(entry.get("distributionId").asText()).isEqualTo(id);
    }

    @ParameterizedTest(name = "re-create after teardown killed {0}")
    @MethodSource("createKillPoints")
    void recreateAfterTeardownKilledAnywhereMakesOneNewDistribution(KillPoint point) throws Exception {
        sim.deployDelay(Duration.ZERO);
        Path plan = plan();
        String first = applyToTheEnd(plan);
        assertThat(CommandProcess.run(home, env(), "teardown", first, "--wait").exit()).isZero();
        sim.deployDelay(DEPLOYING);
        killAt(point, "apply", plan.toString(), "--wait", "--timeout", "60s");
        String second = applyToTheEnd(plan);
        assertThat(second).isNotEqualTo(first);
        assertExactlyOneLive(second);
        assertThat(historyEntry().get("generation").asInt()).isEqualTo(2);
    }

    private Path plan() throws Exception {
        return CliTest.write(home, "plan.json", "{\"planId\": \"" + PLAN_ID + "\", \"name\": \"Crash test\","
                + " \"origin\": {\"domain\": \"ams.example.com\"}, \"stream\": {\"id\": \"stream1\"}}");
    }

    private Map<String, String> env() {
        return CommandProcess.awsVariables(sim);
    }

    /**
     * Runs the command and kills it with SIGKILL at the point; the point must be reached. A progress
     * line is seen a moment after it is printed, so a call after every such line (the second status
     * read of apply's watch, teardown's delete) is held meanwhile: the run cannot finish before the kill.
     */
    private void killAt(KillPoint point, String... args) throws Exception {
        CloudFrontSimulator.Hold hold = point.operation() == null ? null
                : sim.hold(point.operation(), point.letThrough(), point.afterApplying());
        CloudFrontSimulator.Hold brake = point.line() == 0 ? null
                : args[0].equals("apply") ? sim.hold("GetDistribution", 1, false) : sim.hold("DeleteDistribution", 0, false);
        Process p = CommandProcess.start(home, env(), args);
        List<String> said = CommandProcess.killAt(p, hold, lines -> point.line() > 0 && lines.size() == point.line());
        if (brake != null) {
            sim.unhold(brake);
            assertThat(said.get(point.line() - 1)).as("the line killed after, of " + said).startsWith(point.text());
        }
    }

    private String applyToTheEnd(Path plan) throws Exception {
        CommandProcess done = CommandProcess.run(home, env(), "apply", plan.toString(), "--wait", "--timeout", "60s");
        assertThat(done.exit()).as(done.err()).isZero();
        JsonNode result = PlanJson.MAPPER.readTree(done.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.get("status").asText()).isEqualTo("Deployed");
        return result.get("id").asText();
    }

    private void assertExactlyOneLive(String id) throws Exception {
        List<DistributionSummary> all = client.listDistributions(b -> { }).distributionList().items();
        assertThat(all).as("exactly one distribution, no orphan").extracting(DistributionSummary::id).containsExactly(id);
        assertThat(all.getFirst().comment()).contains(PLAN_ID);
        assertThat(all.getFirst().status()).isEqualTo("Deployed");
        JsonNode entry = historyEntry();
        assertThat(entry.get("state").asText()).as("the history agrees with CloudFront").isEqualTo("DEPLOYED");
        assertThat(entry.get("distributionId").asText()).isEqualTo(id);
    }

    private JsonNode historyEntry() throws Exception {
        JsonNode history = PlanJson.MAPPER.readTree(Files.readString(home.resolve("history.json")));
        List<JsonNode> ours = new ArrayList<>();
        history.forEach(e -> {
            if (e.get("planId").asText().equals(PLAN_ID)) {
                ours.add(e);
            }
        });
        assertThat(ours).hasSize(1);
        return ours.getFirst();
    }
}
