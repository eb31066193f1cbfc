package org.streamfront.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.aws.AwsClients;
import org.streamfront.aws.AwsErrors;
import org.streamfront.aws.Retry;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.sim.SimFault;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import org.streamfront.testing.SimulatorExtension;

/** Create, watch and teardown against the CloudFront simulator through the real SDK client. */
class DistributionsTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;
    private final CloudFrontClient client = cloudFront.client;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Progress progress = log::add;
    private final Plan plan = PlanIds.ensure(Plan.empty().withName("Test")
            .withOrigin(new Plan.Origin("ams.example.com", null, null, null, null)).withStream(new Plan.Stream("stream1")));

    private Distributions distributions() {
        return new Distributions(() -> client, new History(dir.resolve("history.json")),
                new Retry(Duration.ofMillis(20), Duration.ofMillis(200), Retry.ATTEMPTS), new DeployWatcher(Duration.ofMillis(100)));
    }


    @Test
    void createThenWatchUntilDeployed() throws Exception {
        sim.deployDelay(Duration.ofSeconds(1));
        Distributions d = distributions();
        Snapshot made = d.create(plan, progress);
        assertThat(made.status()).isEqualTo("InProgress");
        Snapshot done = d.awaitDeployed(made.id(), progress, Duration.ofSeconds(10));
        assertThat(done.deployed()).isTrue();
        assertThat(log).anySatisfy(l -> assertThat(l).contains("Deployed"));
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().state()).isEqualTo(LifecycleState.DEPLOYED);
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
        assertThat(distributions().listOurs(progress)).extracting(Snapshot::id).containsExactly(made.id());
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
                .isEqualTo(LifecycleState.CREATING);

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
                    var explained = AwsErrors.explain(e);
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
        d.teardown(made.id(), progress, Duration.ofSeconds(20));
        assertThat(sim.distributionCount()).isZero();
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().state()).isEqualTo(LifecycleState.DELETED);
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
        assertThat(d.awaitDeployed(made.id(), progress, Duration.ofSeconds(10)).deployed()).isTrue();
        assertThat(log).anySatisfy(l -> assertThat(l).contains("slow down"));
    }

    /** Distributions that give up at the first failure, as a process that dies there leaves things. */
    private Distributions dyingAtTheFirstFailure(History history) {
        return new Distributions(() -> client, history, new Retry(Duration.ofMillis(1), Duration.ofMillis(1), 1),
                new DeployWatcher(Duration.ofMillis(100)));
    }

    @Test
    void aPlanCanBeCreatedAgainAfterItsDistributionWasDeleted() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Distributions d = distributions();
        Snapshot first = d.create(plan, progress);
        d.teardown(first.id(), progress, Duration.ofSeconds(20));

        Snapshot second = d.create(plan, progress);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(sim.distributionCount()).isEqualTo(1);
        HistoryEntry entry = d.history().forPlan(plan.planId()).orElseThrow();
        assertThat(entry.distributionId()).isEqualTo(second.id());
        assertThat(entry.callerReference()).as("each attempt its own CallerReference").isEqualTo(plan.planId() + "-g2");
        assertThat(second.comment()).contains(plan.planId());
    }

    @Test
    void aStopDuringTheSecondCreateDoesNotFollowTheDeletedFirstDistribution() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Distributions d = distributions();
        Snapshot first = d.create(plan, progress);
        d.teardown(first.id(), progress, Duration.ofSeconds(20));
        sim.inject(SimFault.DROP_AFTER, "CreateDistributionWithTags");
        var dying = dyingAtTheFirstFailure(d.history());
        assertThatThrownBy(() -> dying.create(plan, progress)).isNotNull();
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().distributionId()).as("no stale id kept").isNull();

        Snapshot resumed = new Distributions(() -> client, new History(dir.resolve("history.json")),
                new Retry(Duration.ofMillis(20), Duration.ofMillis(200), Retry.ATTEMPTS), new DeployWatcher(Duration.ofMillis(100)))
                .create(plan, progress);
        assertThat(resumed.id()).isNotEqualTo(first.id());
        assertThat(sim.distributionCount()).isEqualTo(1);
    }

    @Test
    void createRefusesWhileATeardownIsUnfinishedAndResumeFinishesTheTeardown() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Distributions d = distributions();
        Snapshot made = d.create(plan, progress);
        // The teardown stops after the disable was sent (the delete's connection drops, no retries).
        // The JDK's HTTP connection quietly repeats a dropped DELETE once, so the drop comes twice.
        sim.inject(SimFault.DROP_BEFORE, "DeleteDistribution");
        sim.inject(SimFault.DROP_BEFORE, "DeleteDistribution");
        var dying = dyingAtTheFirstFailure(d.history());
        assertThatThrownBy(() -> dying.teardown(made.id(), progress, Duration.ofSeconds(20))).isNotNull();
        HistoryEntry left = d.history().forPlan(plan.planId()).orElseThrow();
        assertThat(left.state()).isEqualTo(LifecycleState.DELETING);
        assertThat(left.unfinished()).isTrue();

        assertThatThrownBy(() -> d.create(plan, progress)).isInstanceOf(LifecycleException.class)
                .hasMessageContaining("being deleted");
        var resumed = d.resume(plan, left, progress, Duration.ofSeconds(20));
        assertThat(resumed.deleted()).as("a teardown resumes as a teardown").isTrue();
        assertThat(sim.distributionCount()).isZero();
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().state()).isEqualTo(LifecycleState.DELETED);
    }

    @Test
    void aDistributionDeletedOutsideStreamFrontIsRecordedAsDeleted() throws Exception {
        sim.deployDelay(Duration.ofSeconds(30));
        Distributions d = distributions();
        Snapshot made = d.create(plan, progress);
        try (var other = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, sim.uri())) {
            var config = other.getDistributionConfig(b -> b.id(made.id()));
            var disabled = other.updateDistribution(b -> b.id(made.id()).ifMatch(config.eTag())
                    .distributionConfig(config.distributionConfig().toBuilder().enabled(false).build()));
            sim.finishDeployment(made.id());
            other.deleteDistribution(b -> b.id(made.id()).ifMatch(disabled.eTag()));
        }
        assertThatThrownBy(() -> d.awaitDeployed(made.id(), progress, Duration.ofSeconds(5)))
                .satisfies(e -> assertThat(AwsErrors.explain(e).summary()).contains("no longer exists"));
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().state()).isEqualTo(LifecycleState.DELETED);
        assertThat(d.history().unfinished()).as("nothing left to resume").isEmpty();
    }

    @Test
    void teardownThatRunsOutOfTimeStaysResumable() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Distributions d = distributions();
        Snapshot made = d.create(plan, progress);
        sim.deployDelay(Duration.ofMinutes(5));
        assertThatThrownBy(() -> d.teardown(made.id(), progress, Duration.ofMillis(500)))
                .isInstanceOf(TimeoutException.class);
        assertThat(d.history().unfinished()).map(HistoryEntry::state).contains(LifecycleState.DISABLED);
        sim.finishDeployment(made.id());
        d.teardown(made.id(), progress, Duration.ofSeconds(20));
        assertThat(sim.distributionCount()).isZero();
    }

    @Test
    void aCreateWhoseReferenceWasSpentOnAVanishedDistributionMovesToANewAttempt() throws Exception {
        sim.deployDelay(Duration.ZERO);
        // The first attempt reached CloudFront, then its distribution was deleted outside StreamFront,
        // all while the history still said "creating".
        sim.inject(SimFault.DROP_AFTER, "CreateDistributionWithTags");
        assertThatThrownBy(() -> dyingAtTheFirstFailure(new History(dir.resolve("history.json"))).create(plan, progress)).isNotNull();
        String vanished = client.listDistributions(b -> { }).distributionList().items().getFirst().id();
        var config = client.getDistributionConfig(b -> b.id(vanished));
        var disabled = client.updateDistribution(b -> b.id(vanished).ifMatch(config.eTag())
                .distributionConfig(config.distributionConfig().toBuilder().enabled(false).build()));
        client.deleteDistribution(b -> b.id(vanished).ifMatch(disabled.eTag()));
        // The resumed create finds nothing to adopt, CloudFront refuses the spent reference: a new attempt.
        Snapshot made = distributions().create(plan, progress);
        assertThat(made.id()).isNotEqualTo(vanished);
        assertThat(sim.distributionCount()).isEqualTo(1);
        assertThat(made.callerReference()).isEqualTo(plan.planId() + "-g2");
        assertThat(log).anySatisfy(l -> assertThat(l).contains("new reference"));
    }

    @Test
    void anUpdateChangesWhatThePlanOwnsAndKeepsEverythingElse() throws Exception {
        sim.deployDelay(Duration.ofMillis(200));
        Distributions d = distributions();
        Snapshot made = d.awaitDeployed(d.create(plan, progress).id(), progress, Duration.ofSeconds(10));
        // Someone adds an alias and a behaviour of their own in the console.
        var before = client.getDistributionConfig(b -> b.id(made.id()));
        var extra = before.distributionConfig().cacheBehaviors().items().getFirst().toBuilder().pathPattern("/admin/*").build();
        var behaviors = new java.util.ArrayList<>(before.distributionConfig().cacheBehaviors().items());
        behaviors.add(extra);
        client.updateDistribution(b -> b.id(made.id()).ifMatch(before.eTag()).distributionConfig(before.distributionConfig().toBuilder()
                .aliases(a -> a.quantity(1).items("live.example.org"))
                .viewerCertificate(v -> v.acmCertificateArn(sim.issuedCertificate("live.example.org")).sslSupportMethod("sni-only")
                        .minimumProtocolVersion("TLSv1.2_2021"))
                .cacheBehaviors(c -> c.quantity(behaviors.size()).items(behaviors)).build()));
        sim.finishDeployment(made.id());

        Plan changed = plan.withOrigin(new Plan.Origin("ams-new.example.com", null, null, null, null))
                .withErrorPages(List.of(new Plan.ErrorPage(404, 5)));
        Distributions.Updated updated = d.update(made.id(), changed, progress);
        assertThat(updated.changes()).extracting(Object::toString)
                .containsExactly("Origin host: ams.example.com \u2192 ams-new.example.com", "404 remembered: 3 s \u2192 5 s");
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().state()).isEqualTo(LifecycleState.UPDATING);
        Snapshot done = d.awaitDeployed(made.id(), progress, Duration.ofSeconds(10));
        assertThat(done.id()).isEqualTo(made.id());
        assertThat(done.domain()).isEqualTo(made.domain());
        assertThat(d.history().forPlan(plan.planId()).orElseThrow().state()).isEqualTo(LifecycleState.DEPLOYED);

        var after = client.getDistributionConfig(b -> b.id(made.id())).distributionConfig();
        assertThat(after.origins().items().getFirst().domainName()).isEqualTo("ams-new.example.com");
        assertThat(after.customErrorResponses().items().getFirst().errorCachingMinTTL()).isEqualTo(5L);
        assertThat(after.aliases().items()).as("someone else's alias kept").containsExactly("live.example.org");
        assertThat(after.cacheBehaviors().items()).extracting(b -> b.pathPattern()).contains("/admin/*");
        assertThat(d.update(made.id(), changed, progress).changes()).as("in sync now: nothing sent").isEmpty();
    }

    @Test
    void aRefusedUpdateLeavesTheDistributionAsItWasAndTheHistorySaysWhy() throws Exception {
        sim.deployDelay(Duration.ZERO);
        Distributions d = distributions();
        Snapshot made = d.create(plan, progress);
        String etag = client.getDistributionConfig(b -> b.id(made.id())).eTag();
        sim.deny("UpdateDistribution");
        Plan changed = plan.withOrigin(new Plan.Origin("ams-new.example.com", null, null, null, null));
        assertThatThrownBy(() -> d.update(made.id(), changed, progress))
                .satisfies(e -> assertThat(AwsErrors.explain(e).advice()).contains("cloudfront:UpdateDistribution"));
        HistoryEntry entry = d.history().forPlan(plan.planId()).orElseThrow();
        assertThat(entry.state()).isEqualTo(LifecycleState.FAILED);
        assertThat(entry.problem()).isEqualTo("AccessDenied");
        assertThat(entry.distributionId()).isEqualTo(made.id());
        assertThat(client.getDistributionConfig(b -> b.id(made.id())).eTag()).as("unchanged").isEqualTo(etag);
    }
}
