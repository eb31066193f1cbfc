package org.streamfront.playback;

import org.streamfront.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.aws.AwsClients;
import org.streamfront.origin.Check;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.sim.PracticeWorld;

/** The stream checks against the practice edge and origin. */
class StreamCheckTest {
    private final PracticeWorld world = PracticeWorld.start(Duration.ZERO);

    @AfterEach
    void close() {
        world.close();
    }

    private URI distribute(Plan plan, String stream) {
        try (var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri())) {
            String domain = cf.createDistribution(r -> r.distributionConfig(Configs.sendable(cf, plan)))
                    .distribution().domainName();
            return ViewerUrls.playlist(world.edge.addressOf(domain), stream);
        }
    }

    @Test
    void aHealthyStreamThroughTheCdnIsGreenEverywhere() throws Exception {
        var report = new StreamCheck().run(distribute(world.examplePlan(), "stream1"));
        assertThat(report.healthy()).isTrue();
        assertThat(report.checks()).extracting(Check::id).containsExactly("playlist", "advances", "cache", "segment", "cors");
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.mark()).as(c.id() + ": " + c.summary()).isEqualTo(Check.Mark.GREEN));
        assertThat(report.check("playlist").orElseThrow().detail()).contains("X-Cache").contains("X-Amz-Cf-Pop: SIM50-P1");
    }

    @Test
    void anAddressExpectedBehindCloudFrontWithoutXCacheSaysItCannotTellAndTheServerCheckHasNoCacheLine() throws Exception {
        URI server = world.origin.uri().resolve("/WebRTCAppEE/streams/stream1.m3u8");
        var report = new StreamCheck().run(server);
        assertThat(report.healthy()).isTrue();
        assertThat(report.check("cache").orElseThrow().mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(report.check("cache").orElseThrow().summary()).contains("Could not tell whether CloudFront cached");
        assertThat(new StreamCheck().runAtServer(server).check("cache")).isEmpty();
    }

    @Test
    void aStreamThatIsNotLiveSaysSoInPlainWords() throws Exception {
        var report = new StreamCheck().run(distribute(world.examplePlan(), "nobody"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.check("playlist").orElseThrow().summary()).contains("not there (404)").contains("encoder");
    }

    @Test
    void aWrongOriginPathShowsAsNotFound() throws Exception {
        Plan wrong = world.examplePlan().withOrigin(new Plan.Origin("localhost", "LiveApp", null, world.origin.port(), null));
        var report = new StreamCheck().run(distribute(wrong, "stream1"));
        assertThat(report.check("playlist").orElseThrow().mark()).isEqualTo(Check.Mark.RED);
    }

    @Test
    void missingCorsIsAWarning() throws Exception {
        Plan noCors = world.examplePlan().withCache(new Plan.Cache(null, false, null, null));
        var report = new StreamCheck().run(distribute(noCors, "stream1"));
        assertThat(report.check("cors").orElseThrow().mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(report.check("cors").orElseThrow().summary()).contains("cannot load");
    }

    @Test
    void withoutThePresetTheSecondReadIsNotAHit() throws Exception {
        Plan noPreset = world.examplePlan().withCache(new Plan.Cache(null, null, 0, null));
        var report = new StreamCheck().run(distribute(noPreset, "stream1"));
        assertThat(report.check("cache").orElseThrow().mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(report.check("cache").orElseThrow().summary()).contains("max-age=0");
    }
}
