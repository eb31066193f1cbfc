package org.streamfront.bench;

import org.streamfront.testing.Configs;
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
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.PlanIds;
import org.streamfront.origin.HlsPlaylist;
import org.streamfront.sim.PracticeWorld;

/**
 * 200 virtual players watch the practice stream through the simulated edge for 20 s: each reloads
 * the playlist every target duration and fetches the segments it has not seen. Reports what the
 * origin saw per second and the edge's latency.
 */
class EdgeLoadBenchmark {
    private static final int VIEWERS = 200;
    private static final Duration LENGTH = Duration.ofSeconds(20);

    @Test
    void twoHundredViewers() throws Exception {
        try (PracticeWorld world = PracticeWorld.start(Duration.ZERO);
             var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri());
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String domain = cf.createDistribution(r -> r.distributionConfig(
                    Configs.sendable(cf, world.examplePlan()))).distribution().domainName();
            URI edge = world.edge.uri();
            ConcurrentLinkedQueue<Double> playlistMs = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Double> segmentMs = new ConcurrentLinkedQueue<>();
            AtomicLong errors = new AtomicLong();
            long originPlaylistsBefore = world.origin.requests("playlist");
            long originSegmentsBefore = world.origin.requests("segment");
            long end = System.nanoTime() + LENGTH.toNanos();
            List<Thread> viewers = new ArrayList<>();
            for (int i = 0; i < VIEWERS; i++) {
                viewers.add(Thread.ofVirtual().start(() -> watch(http, edge, domain, end, playlistMs, segmentMs, errors)));
            }
            for (Thread t : viewers) {
                t.join();
            }
            double seconds = LENGTH.toSeconds();
            double originPlaylists = (world.origin.requests("playlist") - originPlaylistsBefore) / seconds;
            double originSegments = (world.origin.requests("segment") - originSegmentsBefore) / seconds;
            double[] p = playlistMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] s = segmentMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            BenchTable.print(VIEWERS + " viewers for " + LENGTH.toSeconds() + " s through the simulated edge",
                    new String[] {"measure", "value"},
                    List.of(new String[] {"viewer playlist requests/s", String.format("%.0f", p.length / seconds)},
                            new String[] {"viewer segment requests/s", String.format("%.0f", s.length / seconds)},
                            new String[] {"origin playlist requests/s (target ~1 per rendition)", String.format("%.2f", originPlaylists)},
                            new String[] {"origin segment requests/s (one per new 2 s segment: 0.5)", String.format("%.2f", originSegments)},
                            new String[] {"edge playlist latency p50 / p99 ms", String.format("%.1f / %.1f", BenchTable.percentile(p, 50), BenchTable.percentile(p, 99))},
                            new String[] {"edge segment latency p50 / p99 ms", String.format("%.1f / %.1f", BenchTable.percentile(s, 50), BenchTable.percentile(s, 99))},
                            new String[] {"failed requests", String.valueOf(errors.get())}));
        }
    }

    private static void watch(HttpClient http, URI edge, String domain, long end, ConcurrentLinkedQueue<Double> playlistMs,
                              ConcurrentLinkedQueue<Double> segmentMs, AtomicLong errors) {
        Set<String> seen = new HashSet<>();
        try {
            // Viewers arrive spread over one target duration, as real ones do.
            Thread.sleep(ThreadLocalRandom.current().nextLong(2000));
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                HttpResponse<String> playlist = http.send(request(edge.resolve("/streams/stream1.m3u8"), domain),
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
                            var r = http.send(request(edge.resolve("/streams/" + segment.uri()), domain), HttpResponse.BodyHandlers.discarding());
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

    private static HttpRequest request(URI uri, String domain) {
        return HttpRequest.newBuilder(uri).header("Host", domain).timeout(Duration.ofSeconds(10)).build();
    }
}
