package org.streamfront.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.origin.HlsPlaylist;
import org.streamfront.sim.EdgeSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.Configs;

/**
 * 200 virtual players watch the practice stream through the simulated edge for 20 s: each reloads
 * the playlist every target duration and fetches the segments it has not seen. Three runs: all
 * viewers at one edge location, spread over five, and over five with Origin Shield. Reports what
 * the origin saw per second and the edge's latency.
 */
class EdgeLoadBenchmark {
    private static final int VIEWERS = 200;
    private static final Duration LENGTH = Duration.ofSeconds(20);

    /** What the origin and the viewers saw in one run. */
    private record Run(double viewerPlaylists, double viewerSegments, double originPlaylists, double originSegments,
                       double[] playlistMs, double[] segmentMs, long errors) {
    }

    @Test
    void twoHundredViewers() throws Exception {
        try (PracticeWorld world = PracticeWorld.start(Duration.ZERO);
             var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri());
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            Plan plan = world.examplePlan();
            Run one = run(world, http, distribute(cf, plan.withName("one")), 1);
            Run five = run(world, http, distribute(cf, plan.withName("five")), 5);
            Run shielded = run(world, http, distribute(cf, plan.withName("shield")
                    .withOrigin(plan.origin().withShieldRegion("eu-central-1"))), 5);
            List<Run> runs = List.of(one, five, shielded);
            BenchTable.print(VIEWERS + " viewers for " + LENGTH.toSeconds() + " s through the simulated edge",
                    new String[] {"measure", "1 edge location", "5 edge locations", "5 + Origin Shield"},
                    List.of(row("viewer playlist requests/s", runs, r -> String.format("%.0f", r.viewerPlaylists())),
                            row("viewer segment requests/s", runs, r -> String.format("%.0f", r.viewerSegments())),
                            row("origin playlist requests/s (target ~1)", runs, r -> String.format("%.2f", r.originPlaylists())),
                            row("origin segment requests/s (new 2 s segment: 0.5)", runs, r -> String.format("%.2f", r.originSegments())),
                            row("edge playlist latency p50 / p99 ms", runs, r -> String.format("%.1f / %.1f",
                                    BenchTable.percentile(r.playlistMs(), 50), BenchTable.percentile(r.playlistMs(), 99))),
                            row("edge segment latency p50 / p99 ms", runs, r -> String.format("%.1f / %.1f",
                                    BenchTable.percentile(r.segmentMs(), 50), BenchTable.percentile(r.segmentMs(), 99))),
                            row("failed requests", runs, r -> String.valueOf(r.errors()))));
        }
    }

    private static String[] row(String measure, List<Run> runs, java.util.function.Function<Run, String> value) {
        List<String> cells = new ArrayList<>(List.of(measure));
        runs.forEach(r -> cells.add(value.apply(r)));
        return cells.toArray(String[]::new);
    }

    private static String distribute(software.amazon.awssdk.services.cloudfront.CloudFrontClient cf, Plan plan) {
        return cf.createDistribution(r -> r.distributionConfig(Configs.sendable(cf, PlanIds.ensure(plan)))).distribution().domainName();
    }

    /** The viewers, spread evenly over {@code pops} simulated edge locations. */
    private static Run run(PracticeWorld world, HttpClient http, String domain, int pops) throws Exception {
        URI edge = world.edge.uri();
        ConcurrentLinkedQueue<Double> playlistMs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> segmentMs = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long originPlaylistsBefore = world.origin.requests("playlist");
        long originSegmentsBefore = world.origin.requests("segment");
        long end = System.nanoTime() + LENGTH.toNanos();
        List<Thread> viewers = new ArrayList<>();
        for (int i = 0; i < VIEWERS; i++) {
            String pop = "POP" + i % pops;
            viewers.add(Thread.ofVirtual().start(() -> watch(http, edge, domain, pop, end, playlistMs, segmentMs, errors)));
        }
        for (Thread t : viewers) {
            t.join();
        }
        double seconds = LENGTH.toSeconds();
        return new Run(playlistMs.size() / seconds, segmentMs.size() / seconds,
                (world.origin.requests("playlist") - originPlaylistsBefore) / seconds,
                (world.origin.requests("segment") - originSegmentsBefore) / seconds,
                playlistMs.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                segmentMs.stream().mapToDouble(Double::doubleValue).sorted().toArray(), errors.get());
    }

    private static void watch(HttpClient http, URI edge, String domain, String pop, long end, ConcurrentLinkedQueue<Double> playlistMs,
                              ConcurrentLinkedQueue<Double> segmentMs, AtomicLong errors) {
        Set<String> seen = new HashSet<>();
        try {
            // Viewers arrive spread over one target duration, as real ones do.
            Thread.sleep(ThreadLocalRandom.current().nextLong(2000));
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                HttpResponse<String> playlist = http.send(request(edge.resolve("/streams/stream1.m3u8"), domain, pop),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                playlistMs.add((System.nanoTime() - t0) / 1e6);
                if (playlist.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    var parsed = HlsPlaylist.parse(playlist.body()).orElseThrow();
                    var segments = parsed.segments();
                    // A player starts three segments from the live edge, then takes each new one.
                    for (var segment : segments.subList(Math.max(0, segments.size() - 3), segments.size())) {
                        if (seen.add(segment.uri())) {
                            long s0 = System.nanoTime();
                            var r = http.send(request(edge.resolve("/streams/" + segment.uri()), domain, pop), HttpResponse.BodyHandlers.discarding());
                            segmentMs.add((System.nanoTime() - s0) / 1e6);
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                }
                Thread.sleep(Math.max(0, 2000 - (System.nanoTime() - t0) / 1_000_000));
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    private static HttpRequest request(URI uri, String domain, String pop) {
        return HttpRequest.newBuilder(uri).header("Host", domain).header(EdgeSimulator.POP_HEADER, pop).timeout(Duration.ofSeconds(10)).build();
    }
}
