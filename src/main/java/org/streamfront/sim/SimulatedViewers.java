package org.streamfront.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.streamfront.origin.HlsPlaylist;

/**
 * Players that watch a practice distribution through the edge as real ones do: reload the live
 * playlist once per target duration and download each new segment once. They give the audience
 * view something to show.
 */
public final class SimulatedViewers implements AutoCloseable {
    private final EdgeSimulator edge;
    private final String path;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, List<Future<?>>> byDomain = new ConcurrentHashMap<>();

    /** {@code path}: the playlist on the distribution, e.g. /streams/stream1.m3u8. */
    public SimulatedViewers(EdgeSimulator edge, String path) {
        this.edge = edge;
        this.path = path;
    }

    /** Makes {@code count} viewers watch the distribution at {@code domain} (0 sends them all away). */
    public synchronized void watch(String domain, int count) {
        List<Future<?>> viewers = byDomain.computeIfAbsent(domain, d -> new ArrayList<>());
        while (viewers.size() > count) {
            viewers.removeLast().cancel(true);
        }
        while (viewers.size() < count) {
            viewers.add(threads.submit(() -> watchUntilStopped(domain)));
        }
    }

    public synchronized int watching(String domain) {
        return byDomain.getOrDefault(domain, List.of()).size();
    }

    /** How many simulated viewers watch, all distributions together. */
    public synchronized int total() {
        return byDomain.values().stream().mapToInt(List::size).sum();
    }

    private void watchUntilStopped(String domain) {
        // The distribution's own practice address: the JDK's HTTP client may not set a Host header.
        URI playlistUri = URI.create(edge.addressOf(domain) + path);
        long lastSegment = -1;
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            int target = 2;
            try {
                String text = new String(get(playlistUri), StandardCharsets.UTF_8);
                var playlist = HlsPlaylist.parse(text).filter(p -> !p.master() && p.defect().isEmpty());
                if (playlist.isPresent()) {
                    HlsPlaylist p = playlist.get();
                    target = Math.max(1, p.targetDuration());
                    List<HlsPlaylist.Segment> segments = p.segments();
                    long newest = p.mediaSequence() + segments.size() - 1;
                    // A player joins at the newest segment, then takes each new one as it appears.
                    long from = lastSegment < 0 ? newest : lastSegment + 1;
                    for (long seq = Math.max(from, p.mediaSequence()); seq <= newest; seq++) {
                        get(playlistUri.resolve(segments.get((int) (seq - p.mediaSequence())).uri()));
                    }
                    lastSegment = newest;
                }
                // A live player reloads the playlist about once per target duration.
                Duration left = Duration.ofSeconds(target).minusNanos(System.nanoTime() - started);
                if (!left.isNegative()) {
                    Thread.sleep(left);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // The edge or origin hiccupped, as networks do: the player tries again a moment later.
                try {
                    Thread.sleep(Duration.ofSeconds(1));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private byte[] get(URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Override
    public void close() {
        threads.shutdownNow();
        http.close();
    }
}
