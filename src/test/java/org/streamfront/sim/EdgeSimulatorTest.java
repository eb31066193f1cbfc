package org.streamfront.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.streamfront.sim.SimWorld.xCache;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.testing.Configs;
import org.testfx.util.WaitForAsyncUtils;

class EdgeSimulatorTest {
    private final SimWorld sim = new SimWorld();

    @AfterEach
    void close() {
        sim.close();
    }

    private static String firstSegment(HttpResponse<byte[]> playlist) {
        return new String(playlist.body(), StandardCharsets.UTF_8).lines().filter(l -> l.endsWith(".ts")).findFirst().orElseThrow();
    }

    @Test
    void segmentIsAMissThenAHitWithAgeAndCdnHeaders() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        HttpResponse<byte[]> playlist = sim.viaEdge(domain, "/streams/stream1.m3u8");
        assertThat(playlist.statusCode()).isEqualTo(200);
        String segment = "/streams/" + firstSegment(playlist);
        HttpResponse<byte[]> first = sim.viaEdge(domain, segment);
        HttpResponse<byte[]> second = sim.viaEdge(domain, segment);
        assertThat(xCache(first)).isEqualTo("Miss from cloudfront");
        assertThat(xCache(second)).isEqualTo("Hit from cloudfront");
        assertThat(second.headers().firstValue("Age")).isPresent();
        assertThat(second.headers().firstValue("Via").orElseThrow()).endsWith(".cloudfront.net (CloudFront)");
        assertThat(second.headers().firstValue("X-Amz-Cf-Pop")).contains(EdgeSimulator.POP);
        assertThat(second.headers().firstValue("Content-Type")).contains("video/MP2T");
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void playlistReachesTheOriginAboutOncePerSecondHoweverManyAsk() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        long before = sim.world.origin.requests("playlist");
        long start = System.nanoTime();
        int viewers = 0;
        while (System.nanoTime() - start < 3_000_000_000L) {
            assertThat(sim.viaEdge(domain, "/streams/stream1.m3u8").statusCode()).isEqualTo(200);
            viewers++;
        }
        long originHits = sim.world.origin.requests("playlist") - before;
        assertThat(viewers).isGreaterThan(30);
        // MinTTL 1 s overrides AMS's max-age=0: at most one origin fetch per second (plus the first).
        assertThat(originHits).isBetween(2L, 5L);
    }

    /**
     * Viewers who poll the playlist for {@code seconds}, spread over edge locations, optionally from
     * players on many web sites (each sends its own Origin header). Returns the origin's playlist requests.
     */
    private long viewersPoll(String domain, int viewers, int pops, boolean fromManySites, double seconds) throws Exception {
        long before = sim.world.origin.requests("playlist");
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int v = 0; v < viewers; v++) {
                int viewer = v;
                pool.submit(() -> {
                    List<String> headers = new java.util.ArrayList<>(List.of(EdgeSimulator.POP_HEADER, "POP" + viewer % pops));
                    if (fromManySites) {
                        headers.addAll(List.of("Origin", "https://site" + viewer % 25 + ".example"));
                    }
                    while (System.nanoTime() < end) {
                        var r = sim.viaEdge(domain, "/streams/stream1.m3u8", headers.toArray(String[]::new));
                        if (r.statusCode() != 200 || fromManySites && r.headers().firstValue("Access-Control-Allow-Origin").isEmpty()) {
                            failures.add(r.statusCode() + " " + r.headers().map());
                        }
                    }
                    return null;
                });
            }
        }
        assertThat(failures).isEmpty();
        return sim.world.origin.requests("playlist") - before;
    }

    @Test
    void twoHundredViewersFromManySitesStillSendAboutOnePlaylistRequestPerSecond() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        // CORS comes from the edge, so the viewers' Origin headers do not split the cache.
        assertThat(viewersPoll(domain, 200, 1, false, 3)).isBetween(2L, 5L);
        assertThat(viewersPoll(domain, 200, 1, true, 3)).isBetween(2L, 5L);
    }

    @Test
    void withOriginShieldFiveEdgeLocationsTogetherSendAboutOnePlaylistRequestPerSecond() throws Exception {
        String unshielded = sim.distribute(sim.world.examplePlan().withName("unshielded"));
        long direct = viewersPoll(unshielded, 50, 5, false, 3);
        String shielded = sim.distribute(sim.world.examplePlan().withName("shielded")
                .withOrigin(sim.world.examplePlan().origin().withShieldRegion("eu-central-1")));
        long throughShield = viewersPoll(shielded, 50, 5, false, 3);
        assertThat(throughShield).isBetween(2L, 5L);
        assertThat(direct).as("each edge location asks for itself").isGreaterThanOrEqualTo(10L);
    }

    @Test
    void aSecondServerTakesOverWhenTheFirstFailsOrLacksTheStream() throws Exception {
        int port = sim.world.origin.port();
        try (OriginSimulator second = OriginSimulator.start(new java.net.InetSocketAddress("127.0.0.2", port))) {
            second.startStream(PracticeWorld.APPLICATION, "stream1");
            second.startStream(PracticeWorld.APPLICATION, "only-on-second");
            sim.world.edge.resolve("ams-a.practice.test", "127.0.0.1");
            sim.world.edge.resolve("ams-b.practice.test", "127.0.0.2");
            Plan cluster = sim.world.examplePlan().withOrigin(new Plan.Origin("ams-a.practice.test", PracticeWorld.APPLICATION, null,
                    port, null).withSecondary("ams-b.practice.test"));
            String domain = sim.distribute(cluster);

            assertThat(sim.viaEdge(domain, "/streams/stream1.m3u8?v=1").statusCode()).isEqualTo(200);
            assertThat(second.requests("playlist")).as("the first server answered").isZero();
            assertThat(sim.viaEdge(domain, "/streams/only-on-second.m3u8").statusCode()).as("404 on the first: the second has it")
                    .isEqualTo(200);
            // A first server that is down (nothing listens at its address): the second answers.
            sim.world.edge.resolve("ams-down.practice.test", "127.0.0.3");
            String down = sim.distribute(cluster.withName("down").withOrigin(new Plan.Origin("ams-down.practice.test",
                    PracticeWorld.APPLICATION, null, port, null).withSecondary("ams-b.practice.test")));
            assertThat(sim.viaEdge(down, "/streams/stream1.m3u8").statusCode()).isEqualTo(200);
            assertThat(second.requests("playlist")).isEqualTo(2);
        }
    }

    @Test
    void lowLatencyPartRequestsStayApartWhileOtherQueryStringsAreDropped() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan().withCache(new Plan.Cache("none", null, null, null, null, true)));
        long before = sim.world.origin.requests("playlist");
        sim.viaEdge(domain, "/streams/stream1.m3u8?_HLS_msn=5&_HLS_part=1&token=a");
        assertThat(xCache(sim.viaEdge(domain, "/streams/stream1.m3u8?_HLS_msn=5&_HLS_part=1&token=b")))
                .as("another viewer's token does not matter").isEqualTo("Hit from cloudfront");
        assertThat(xCache(sim.viaEdge(domain, "/streams/stream1.m3u8?_HLS_msn=5&_HLS_part=2&token=a")))
                .as("the next part is another answer").isEqualTo("Miss from cloudfront");
        assertThat(sim.world.origin.requests("playlist") - before).isEqualTo(2);
    }

    @Test
    void withoutThePresetEveryPlaylistRequestReachesTheOrigin() throws Exception {
        Plan noPreset = sim.world.examplePlan().withCache(new Plan.Cache(null, null, 0, null));
        String domain = sim.distribute(noPreset);
        long before = sim.world.origin.requests("playlist");
        for (int i = 0; i < 10; i++) {
            sim.viaEdge(domain, "/streams/stream1.m3u8");
        }
        assertThat(sim.world.origin.requests("playlist") - before).isEqualTo(10);
    }

    @Test
    void notFoundIsRememberedThreeSecondsThenAskedAgain() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        long before = sim.world.origin.requests("playlist");
        HttpResponse<byte[]> missing = sim.viaEdge(domain, "/streams/later.m3u8");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(xCache(missing)).isEqualTo("Error from cloudfront");
        sim.world.origin.startStream(PracticeWorld.APPLICATION, "later");
        assertThat(sim.viaEdge(domain, "/streams/later.m3u8").statusCode()).as("cached 404").isEqualTo(404);
        assertThat(sim.world.origin.requests("playlist") - before).isEqualTo(1);
        long asked = System.nanoTime();
        WaitForAsyncUtils.waitFor(6, TimeUnit.SECONDS, () -> sim.viaEdge(domain, "/streams/later.m3u8").statusCode() == 200);
        assertThat((System.nanoTime() - asked) / 1e9).isBetween(1.5, 3.5);
    }

    @Test
    void wrongOriginPathGivesNotFoundThroughTheEdge() throws Exception {
        Plan wrongApp = sim.world.examplePlan().withOrigin(new Plan.Origin("localhost", "LiveApp", null, sim.world.origin.port(), null));
        String domain = sim.distribute(wrongApp);
        assertThat(sim.viaEdge(domain, "/streams/stream1.m3u8").statusCode()).isEqualTo(404);
    }

    @Test
    void queryStringsArePartOfTheCacheKey() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        String segment = "/streams/" + firstSegment(sim.viaEdge(domain, "/streams/stream1.m3u8"));
        assertThat(xCache(sim.viaEdge(domain, segment + "?token=a"))).isEqualTo("Miss from cloudfront");
        assertThat(xCache(sim.viaEdge(domain, segment + "?token=b"))).isEqualTo("Miss from cloudfront");
        assertThat(xCache(sim.viaEdge(domain, segment + "?token=a"))).isEqualTo("Hit from cloudfront");
    }

    @Test
    void corsAnswersOnlyWhenOriginIsForwarded() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        var withOrigin = sim.viaEdge(domain, "/streams/stream1.m3u8", "Origin", "https://player.example");
        assertThat(withOrigin.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        String noCors = sim.distribute(sim.world.examplePlan().withCache(new Plan.Cache(null, false, null, null)));
        var stripped = sim.viaEdge(noCors, "/streams/stream1.m3u8", "Origin", "https://player.example");
        assertThat(stripped.headers().firstValue("Access-Control-Allow-Origin")).as("Origin not forwarded").isEmpty();
    }

    @Test
    void unknownOrDisabledDistributionsAreNotServed() throws Exception {
        assertThat(sim.viaEdge("dnothere.cloudfront.net", "/streams/stream1.m3u8").statusCode()).isEqualTo(403);
        String domain = sim.distribute(sim.world.examplePlan());
        var summary = sim.cloudFront.listDistributions().distributionList().items().getFirst();
        var config = sim.cloudFront.getDistributionConfig(r -> r.id(summary.id()));
        sim.cloudFront.updateDistribution(r -> r.id(summary.id()).ifMatch(config.eTag())
                .distributionConfig(config.distributionConfig().toBuilder().enabled(false).build()));
        assertThat(sim.viaEdge(domain, "/streams/stream1.m3u8").statusCode()).isEqualTo(403);
    }

    @Test
    void aChangeReachesTheEdgeAfterTheEdgeDelayAndAtTheLatestWhenDeployed() throws Exception {
        Plan wrongApp = sim.world.examplePlan().withOrigin(new Plan.Origin("localhost", "LiveApp", null, sim.world.origin.port(), null));
        String domain = sim.distribute(wrongApp);
        var summary = sim.cloudFront.listDistributions().distributionList().items().getFirst();
        assertThat(sim.viaEdge(domain, "/streams/stream1.m3u8?v=1").statusCode()).as("a new distribution is served at once").isEqualTo(404);

        sim.world.api.deployDelay(Duration.ofHours(1));
        sim.world.api.edgeDelay(Duration.ofHours(1));
        var config = sim.cloudFront.getDistributionConfig(r -> r.id(summary.id()));
        Plan rightApp = PlanIds.ensure(sim.world.examplePlan());
        var fixed = DistributionConfigMapper.merge(config.distributionConfig(), rightApp, Configs.policyIds(sim.cloudFront, rightApp), null);
        sim.cloudFront.updateDistribution(r -> r.id(summary.id()).ifMatch(config.eTag()).distributionConfig(fixed));
        assertThat(sim.viaEdge(domain, "/streams/stream1.m3u8?v=2").statusCode()).as("still spreading: the old origin path").isEqualTo(404);

        sim.world.api.finishDeployment(summary.id());
        assertThat(sim.viaEdge(domain, "/streams/stream1.m3u8?v=3").statusCode()).as("deployed: the new one").isEqualTo(200);
    }

    @Test
    void aNewDistributionIsServedAfterTheEdgeDelayWhileItIsStillInProgress() throws Exception {
        sim.world.api.deployDelay(Duration.ofHours(1));
        sim.world.api.edgeDelay(Duration.ofHours(1));
        String waiting = sim.distribute(sim.world.examplePlan());
        var notYet = sim.viaEdge(waiting, "/streams/stream1.m3u8");
        assertThat(notYet.statusCode()).as("not served yet").isEqualTo(403);
        assertThat(notYet.headers().firstValue("X-Cache")).contains("Error from cloudfront");

        sim.world.api.edgeDelay(Duration.ZERO);
        String serving = sim.distribute(sim.world.examplePlan().withName("Second"));
        assertThat(sim.viaEdge(serving, "/streams/stream1.m3u8").statusCode()).as("served, still InProgress").isEqualTo(200);
        assertThat(sim.cloudFront.listDistributions().distributionList().items())
                .allSatisfy(d -> assertThat(d.status()).isEqualTo("InProgress"));
        assertThat(sim.viaEdge(waiting, "/streams/stream1.m3u8").statusCode()).as("the first still waits").isEqualTo(403);
    }

    @Test
    void eachDistributionHasAnAddressOfItsOwnForPlayers() throws Exception {
        String domain = sim.distribute(sim.world.examplePlan());
        var response = sim.get(sim.world.edge.addressOf(domain).resolve("/streams/stream1.m3u8"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("#EXTM3U");
    }

    @Test
    void ttlFollowsCloudFrontsRules() {
        var b = new EdgeConfig.Behavior("*.m3u8", 1, 1, 2, true, List.of(), false, List.of(), null);
        assertThat(EdgeSimulator.ttl(b, Optional.of("max-age=0"))).isEqualTo(1);
        assertThat(EdgeSimulator.ttl(b, Optional.of("max-age=10"))).isEqualTo(2);
        assertThat(EdgeSimulator.ttl(b, Optional.of("no-cache"))).isEqualTo(1);
        assertThat(EdgeSimulator.ttl(b, Optional.empty())).isEqualTo(1);
        var seg = new EdgeConfig.Behavior("*.ts", 0, 10, 10, true, List.of(), false, List.of(), null);
        assertThat(EdgeSimulator.ttl(seg, Optional.of("max-age=10"))).isEqualTo(10);
        assertThat(EdgeSimulator.ttl(seg, Optional.of("max-age=3600"))).isEqualTo(10);
    }
}
