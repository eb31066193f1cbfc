package org.streamfront.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the practice edge served, second by second and distribution by distribution, kept for the
 * last three hours: the figures CloudFront publishes to CloudWatch as AWS/CloudFront metrics.
 */
final class SimMetrics {
    private static final long KEPT_SECONDS = 3 * 3600;

    /** One second's traffic of one distribution. */
    private static final class Second {
        long requests;
        long bytes;
        long clientErrors;
        long serverErrors;
        /** Cacheable (not error) answers, and those the edge's cache had. */
        long cacheable;
        long hits;
    }

    /** One datapoint: the period's start and its value. */
    record Point(Instant at, double value) {
    }

    private final Map<String, NavigableMap<Long, Second>> byDistribution = new ConcurrentHashMap<>();

    void record(String distributionId, int status, long bytes, boolean fromCache, Instant when) {
        NavigableMap<Long, Second> seconds = byDistribution.computeIfAbsent(distributionId, k -> new ConcurrentSkipListMap<>());
        long now = when.getEpochSecond();
        Second s = seconds.computeIfAbsent(now, k -> new Second());
        synchronized (s) {
            s.requests++;
            s.bytes += bytes;
            s.clientErrors += status >= 400 && status < 500 ? 1 : 0;
            s.serverErrors += status >= 500 ? 1 : 0;
            s.cacheable += status < 400 ? 1 : 0;
            s.hits += status < 400 && fromCache ? 1 : 0;
        }
        seconds.headMap(now - KEPT_SECONDS).clear();
    }

    /**
     * A metric over [start, end) in periods of {@code period} seconds, one point per period that saw
     * a request (as CloudWatch, which has no datapoint where nothing happened), newest first.
     * Counts are sums; error rates are the percentage of the period's requests; the cache hit rate
     * the percentage of cacheable (not error) answers the cache had.
     */
    List<Point> series(String distributionId, String metric, Instant start, Instant end, int period) {
        NavigableMap<Long, Second> seconds = byDistribution.getOrDefault(distributionId, new ConcurrentSkipListMap<>());
        List<Point> points = new ArrayList<>();
        long first = Math.floorDiv(start.getEpochSecond(), period) * period;
        for (long from = first; from < end.getEpochSecond(); from += period) {
            long requests = 0;
            long bytes = 0;
            long clientErrors = 0;
            long serverErrors = 0;
            long cacheable = 0;
            long hits = 0;
            for (Second s : seconds.subMap(from, from + period).values()) {
                synchronized (s) {
                    requests += s.requests;
                    bytes += s.bytes;
                    clientErrors += s.clientErrors;
                    serverErrors += s.serverErrors;
                    cacheable += s.cacheable;
                    hits += s.hits;
                }
            }
            if (requests == 0) {
                continue;
            }
            double value = switch (metric) {
                case "Requests" -> requests;
                case "BytesDownloaded" -> bytes;
                case "BytesUploaded" -> 0;
                case "4xxErrorRate" -> 100.0 * clientErrors / requests;
                case "5xxErrorRate" -> 100.0 * serverErrors / requests;
                case "TotalErrorRate" -> 100.0 * (clientErrors + serverErrors) / requests;
                case "CacheHitRate" -> cacheable == 0 ? Double.NaN : 100.0 * hits / cacheable;
                default -> Double.NaN;
            };
            if (!Double.isNaN(value)) {
                points.add(new Point(Instant.ofEpochSecond(from), value));
            }
        }
        return points.reversed();
    }
}
