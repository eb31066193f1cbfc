package org.streamfront.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.aws.Retry;
import org.streamfront.plan.ConfigDiff;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.testing.Configs;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyType;
import org.streamfront.testing.SimulatorExtension;

/** StreamFront's cache policies in an account: shared by content, made when missing, deleted when unused. */
class CachePoliciesTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;
    private final CloudFrontClient client = cloudFront.client;
    private final List<String> log = new CopyOnWriteArrayList<>();


    private Distributions distributions() {
        sim.deployDelay(Duration.ofMillis(200));
        return new Distributions(() -> client, new History(dir.resolve("history.json")),
                new Retry(Duration.ofMillis(20), Duration.ofMillis(200), Retry.ATTEMPTS), new DeployWatcher(Duration.ofMillis(50)));
    }

    private static Plan plan(String name, Plan.Cache cache) {
        return PlanIds.ensure(Plan.empty().withName(name).withOrigin(new Plan.Origin("ams.example.com", null, null, null, null))
                .withCache(cache));
    }

    @Test
    void twoPlansWithTheSameSettingsShareThePoliciesAndTheLastTeardownRemovesThem() throws Exception {
        Distributions d = distributions();
        Snapshot first = d.create(plan("First", null), log::add);
        Snapshot second = d.create(plan("Second", null), log::add);
        Snapshot other = d.create(plan("Other", new Plan.Cache(null, null, 2, null)), log::add);
        assertThat(sim.cachePolicyNames()).containsExactlyInAnyOrder(
                "StreamFront-playlist-1s-qs", "StreamFront-segment-10s-qs", "StreamFront-playlist-2s-qs");

        d.teardown(first.id(), log::add, Duration.ofSeconds(20));
        assertThat(sim.cachePolicyNames()).as("the second plan still uses them").containsExactlyInAnyOrder(
                "StreamFront-playlist-1s-qs", "StreamFront-segment-10s-qs", "StreamFront-playlist-2s-qs");
        d.teardown(other.id(), log::add, Duration.ofSeconds(20));
        assertThat(sim.cachePolicyNames()).containsExactlyInAnyOrder("StreamFront-playlist-1s-qs", "StreamFront-segment-10s-qs");
        d.teardown(second.id(), log::add, Duration.ofSeconds(20));
        assertThat(sim.cachePolicyNames()).isEmpty();
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("Deleted cache policies no distribution uses any more"));
    }

    @Test
    void aPolicyAnotherDistributionUsesIsNeverDeleted() throws Exception {
        Distributions d = distributions();
        Snapshot ours = d.create(plan("Ours", null), log::add);
        // Someone points a distribution of their own at StreamFront's playlist policy.
        client.createDistribution(b -> b.distributionConfig(Configs.sendable(client, plan("Theirs", null)).toBuilder()
                .comment("by hand").callerReference("theirs").build()));
        d.teardown(ours.id(), log::add, Duration.ofSeconds(20));
        assertThat(sim.cachePolicyNames()).containsExactlyInAnyOrder("StreamFront-playlist-1s-qs", "StreamFront-segment-10s-qs");
    }

    @Test
    void aFullQuotaIsRefusedWithThePoliciesToDeleteAndNothingIsMade() throws Exception {
        for (int i = 0; i < 20; i++) {
            int n = i;
            client.createCachePolicy(b -> b.cachePolicyConfig(c -> c.name("someone-else-" + n).minTTL(0L).defaultTTL(60L).maxTTL(60L)
                    .parametersInCacheKeyAndForwardedToOrigin(p -> p.enableAcceptEncodingGzip(false)
                            .queryStringsConfig(q -> q.queryStringBehavior("none")).headersConfig(h -> h.headerBehavior("none"))
                            .cookiesConfig(k -> k.cookieBehavior("none")))));
        }
        Distributions d = distributions();
        Plan p = plan("Full", null);
        assertThatThrownBy(() -> d.create(p, log::add)).isInstanceOf(LifecycleException.class)
                .hasMessageContaining("20 custom cache policies").hasMessageContaining("someone-else-0")
                .hasMessageContaining("Delete the ones no distribution uses");
        assertThat(sim.distributionCount()).isZero();
        assertThat(d.history().forPlan(p.planId()).orElseThrow().state()).isEqualTo(LifecycleState.FAILED);
        assertThat(client.listCachePolicies(b -> b.type(CachePolicyType.CUSTOM)).cachePolicyList().quantity()).isEqualTo(20);
    }

    @Test
    void aCreateCloudFrontRefusesLeavesNoPolicyBehind() throws Exception {
        Distributions d = distributions();
        Plan p = plan("Refused", null);
        sim.deny("CreateDistributionWithTags");
        sim.deny("CreateDistribution");
        assertThatThrownBy(() -> d.create(p, log::add)).isNotNull();
        assertThat(sim.distributionCount()).isZero();
        assertThat(sim.cachePolicyNames()).isEmpty();
    }

    @Test
    void aDistributionWithTheOlderFieldsIsMigratedByAnUpdateThatSaysSoInPlainWords() throws Exception {
        Distributions d = distributions();
        Plan p = plan("Legacy", null);
        Snapshot made = d.create(p, log::add);
        // As the first StreamFront made it: ForwardedValues with the CORS headers, per-behaviour times, CloudFront's timeouts.
        var got = client.getDistributionConfig(b -> b.id(made.id()));
        var legacy = Configs.legacy(got.distributionConfig());
        client.updateDistribution(b -> b.id(made.id()).ifMatch(got.eTag()).distributionConfig(legacy));

        List<String> words = d.changes(made.id(), p, log::add).stream().map(ConfigDiff.Change::toString).toList();
        assertThat(words).containsExactly(
                "Time to connect to your server: 10 s \u2192 3 s",
                "Connection attempts: 3 \u2192 2",
                "Cache settings: older per-behaviour fields \u2192 cache policies (same behaviour, fewer requests to your server)",
                "CORS for browser players: answered by your server (Origin passed on) \u2192 added by CloudFront");
        d.update(made.id(), p, log::add);
        var after = client.getDistributionConfig(b -> b.id(made.id())).distributionConfig();
        assertThat(after.defaultCacheBehavior().forwardedValues()).isNull();
        assertThat(after.cacheBehaviors().items()).allSatisfy(b -> assertThat(b.cachePolicyId()).isNotBlank());
        assertThat(d.changes(made.id(), p, log::add)).isEmpty();
    }
}
