package org.streamfront.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.aws.AwsClients;
import org.streamfront.aws.Retry;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.sim.SimFault;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** Create, watch and teardown against the CloudFront simulator through the real SDK client. */
class DistributionsTest {
    @TempDir
    Path dir;
    private final CloudFrontSimulator sim = CloudFrontSimulator.start();
    private final CloudFrontClient client = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri());
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Progress progress = log::add;
    private final Plan plan = PlanIds.ensure(Plan.empty().withName("Test")
            .withOrigin(new Plan.Origin("ams.example.com", null, null, null, null)).withStream(new Plan.Stream("stream1")));

    private Distributions distributions() {
        return new Distributions(() -> client, new History(dir.resolve("history.json")),
                new Retry(Duration.ofMillis(20), Duration.ofMillis(200), Retry.ATTEMPTS), new DeployWatcher(Duration.ofMillis(100)));
    }

    @AfterEach
    void close() {
        client.close();
        sim.close();
    }

    @Test
    void createThenWatchUntilDeployed() throws Exception {
        sim.deployDelay(Duration.ofSeconds(1));
        Distributions d = distributions();
        Snapshot made = d.create(plan, progress);
        assertThat(made.status()).isEqualTo("InProgress");
        Snapshot done = d.watcher().awaitDeployed(made.id(), d, progress, Duration.ofSeconds(10));
        assertThat(done.deployed()).isTrue();
        assertThat(log).anySatisfy(l -> assertThat(l).contains("Deployed"));
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().state()).isEqualTo(HistoryEntry.State.DEPLOYED);
    }

    @Test
    void creatingTheSamePlanTwiceGivesOneDistribution() throws Exception {
        Snapshot first = distributions().create(plan, progress);
        Snapshot again = distributions().create(plan, progress);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(sim.distributionCount()).isEqualTo(1);
    }

    @Test
    void connectionDroppedAfterTheCreateWasAppliedStillGivesExactlyOne() throws Exception {
        sim.inject(SimFault.DROP_AFTER, "CreateDistributionWithTags");
        Snapshot made = distributions().create(plan, progress);
        assertThat(sim.distributionCount()).isEqualTo(1);
        assertThat(made.domain()).endsWith(".cloudfront.net");
        assertThat(log).anySatisfy(l -> assertThat(l).contains("Trying again"))
                .anySatisfy(l -> assertThat(l).contains("which this plan made earlier"));
    }

    @Test
    void throttlingBurstsAndServerErrorsAreRetriedVisibly() throws Exception {
        for (SimFault f : List.of(SimFault.THROTTLING, SimFault.THROTTLING, SimFault.INTERNAL_ERROR, SimFault.SERVICE_UNAVAILABLE)) {
            sim.inject(f, "CreateDistributionWithTags");
        }
        distributions().create(plan, progress);
        assertThat(sim.distributionCount()).isEqualTo(1);
        assertThat(log.stream().filter(l -> l.contains("Trying again"))).hasSize(4);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("CloudFront is busy"));
    }

    @Test
    void deniedTaggingFallsBackToAPlainCreateThatStillCarriesThePlanId() throws Exception {
        sim.deny("TagResource");
        Snapshot made = distributions().create(plan, progress);
        assertThat(made.comment()).contains(plan.planId());
        assertThat(log).anySatisfy(l -> assertThat(l).contains("without tags"));
        assertThat(distributions().findByPlan(plan.planId(), progress)).map(Snapshot::id).contains(made.id());
    }

    @Test
    void aCreateInterruptedByAStopIsFoundOnTheNextStart() throws Exception {
        // The first run persisted its intent and reached CloudFront, then the app died before recording the answer.
        sim.inject(SimFault.DROP_AFTER, "CreateDistributionWithTags");
        var firstRun = new Distributions(() -> client, new History(dir.resolve("history.json")),
                new Retry(Duration.ofMillis(1), Duration.ofMillis(1), 1), // the process "dies" at the first failure
                new DeployWatcher(Duration.ofMillis(100)));
        assertThatThrownBy(() -> firstRun.create(plan, progress)).isNotNull();
        assertThat(new History(dir.resolve("history.json")).forPlan(plan.planId()).orElseThrow().state())
                .isEqualTo(HistoryEntry.State.CREATING);

        Snapshot resumed = distributions().create(plan, progress);
        assertThat(sim.distributionCount()).isEqualTo(1);
        assertThat(resumed.id()).isNotBlank();
        assertThat(sim.calls("CreateDistributionWithTags")).as("no second create was sent").isEqualTo(1);
    }

    @Test
    void accessDeniedIsExplainedWithThePermissionAndNotRetried() {
        sim.deny("CreateDistributionWithTags");
        assertThatThrownBy(() -> distributions().create(plan, progress))
                .satisfies(e -> {
                    var explained = org.streamfront.aws.AwsErrors.explain(e);
                    assertThat(explained.summary()).contains("not allowed");
                    assertThat(explained.advice()).contains("cloudfront:CreateDistributionWithTags");
                });
        assertThat(sim.calls("CreateDistributionWithTags")).isEqualTo(1);
        assertThat(sim.distributionCount()).isZero();
    }

    @Test
    void teardownDisablesWaitsAndDeletes() throws Exception {
        sim.deployDelay(Duration.ofMillis(300));
        Distributions d = distributions();
        Snapshot made = d.create(plan, progress);
        d.teardown(made.id(), progress);
        assertThat(sim.distributionCount()).isZero();
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().state()).isEqualTo(HistoryEntry.State.DELETED);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("Disabling"))
                .anySatisfy(l -> assertThat(l).contains("is deleted"));
    }

    @Test
    void watcherBacksOffWhenThrottled() throws Exception {
        sim.deployDelay(Duration.ofMillis(600));
        Distributions d = distributions();
        Snapshot made = d.create(plan, progress);
        sim.inject(SimFault.THROTTLING, "GetDistribution");
        sim.inject(SimFault.THROTTLING, "GetDistribution");
        assertThat(d.watcher().awaitDeployed(made.id(), d, progress, Duration.ofSeconds(10)).deployed()).isTrue();
        assertThat(log).anySatisfy(l -> assertThat(l).contains("slow down"));
    }
}
