package org.streamfront.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamfront.aws.AwsClients;
import org.streamfront.aws.Retry;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;

/** A damaged history file never stops a deploy: it is moved aside, the user is told, work goes on. */
class HistoryTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "[{\"planId\": \"sf-1\", \"state\": \"DEPLOY", "not json at all", "{\"planId\": 3}", "[null]",
            "[{\"planId\": \"sf-1\", \"state\": \"NO_SUCH_STATE\"}]", "\u0000\u0001\u0002"})
    void aDamagedHistoryIsMovedAsideAndADeployStillWorks(String damaged) throws Exception {
        Path file = dir.resolve("history.json");
        Files.writeString(file, damaged);
        History history = new History(file);
        assertThat(history.all()).isEmpty();
        assertThat(history.movedAside()).hasValueSatisfying(aside -> {
            assertThat(aside.getFileName().toString()).startsWith("history.json.broken-");
            assertThat(aside).hasContent(damaged);
        });

        Plan plan = PlanIds.ensure(Plan.empty().withOrigin(new Plan.Origin("ams.example.com", null, null, null, null)));
        try (CloudFrontSimulator sim = CloudFrontSimulator.start();
             var client = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri())) {
            sim.deployDelay(Duration.ZERO);
            Distributions d = new Distributions(() -> client, history, Retry.standard(), new DeployWatcher(Duration.ofMillis(50)));
            Snapshot made = d.create(plan, Progress.SILENT);
            d.awaitDeployed(made.id(), Progress.SILENT, Duration.ofSeconds(10));
        }
        History reread = new History(file);
        assertThat(reread.movedAside()).as("the new file is sound").isEmpty();
        assertThat(reread.forPlan(plan.planId())).map(HistoryEntry::state).contains(LifecycleState.DEPLOYED);
    }

    @org.junit.jupiter.api.Test
    void writesLeaveNoTemporaryFilesAndTheFirstHistoryFormatStillReads() throws Exception {
        Path file = dir.resolve("history.json");
        Files.writeString(file, "[{\"planId\": \"sf-old\", \"state\": \"TEARING_DOWN\", \"distributionId\": \"E1\"}]");
        History history = new History(file);
        HistoryEntry old = history.forPlan("sf-old").orElseThrow();
        assertThat(old.state()).as("an old teardown resumes as a teardown").isEqualTo(LifecycleState.DISABLING);
        assertThat(old.callerReference()).as("the first create used the plan id alone").isEqualTo("sf-old");
        history.put(old.with(LifecycleState.DELETED));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("history.json");
        }
    }
}
