package org.streamfront.audience;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A distribution's traffic as CloudWatch tells it, per period, oldest first. An empty series means
 * CloudWatch has no datapoint yet (CloudFront publishes with a delay), not that nothing happened.
 * {@code hitRate} is empty unless the distribution's additional metrics are on.
 */
public record Traffic(int periodSeconds, List<Point> requests, List<Point> bytesDownloaded, List<Point> clientErrorRate,
                      List<Point> serverErrorRate, List<Point> hitRate) {

    public record Point(Instant at, double value) {
    }

    /** An error rate this high in a period is marked on the chart and explained. */
    public static final double SPIKE_PERCENT = 5;

    public boolean hasData() {
        return !requests.isEmpty();
    }

    /**
     * Viewers watching at once, estimated from the bytes CloudFront sent in the newest complete
     * periods divided by what one viewer downloads ({@code bitsPerSecond} of the stream). Empty
     * without data or a bitrate.
     */
    public Optional<Double> viewers(long bitsPerSecond, int periods) {
        List<Point> complete = completePeriods(bytesDownloaded);
        if (complete.isEmpty() || bitsPerSecond <= 0) {
            return Optional.empty();
        }
        List<Point> newest = complete.subList(Math.max(0, complete.size() - periods), complete.size());
        double bytes = newest.stream().mapToDouble(Point::value).sum();
        return Optional.of(bytes * 8 / ((double) periodSeconds * newest.size()) / bitsPerSecond);
    }

    /** Each complete period's estimate, for the chart: a period still filling would look like viewers leaving. */
    public List<Point> viewerSeries(long bitsPerSecond) {
        if (bitsPerSecond <= 0) {
            return List.of();
        }
        return completePeriods(bytesDownloaded).stream().map(p -> new Point(p.at(), p.value() * 8 / periodSeconds / bitsPerSecond)).toList();
    }

    /** The share of requests CloudFront had to pass to the origin, in percent; empty when the hit rate is unknown. */
    public Optional<Double> originShare() {
        return hitRate.isEmpty() ? Optional.empty() : Optional.of(100 - hitRate.getLast().value());
    }

    /** The newest period is still filling (its datapoint grows until it ends), so estimates leave it out. */
    private List<Point> completePeriods(List<Point> series) {
        if (series.isEmpty()) {
            return series;
        }
        Instant newestEnd = series.getLast().at().plusSeconds(periodSeconds);
        return newestEnd.isAfter(Instant.now()) ? series.subList(0, series.size() - 1) : series;
    }

    /** The newest error spike, 4xx or 5xx, if any period passed {@link #SPIKE_PERCENT}. */
    public Optional<Spike> newestSpike() {
        Optional<Point> server = serverErrorRate.stream().filter(p -> p.value() >= SPIKE_PERCENT).reduce((a, b) -> b);
        Optional<Point> client = clientErrorRate.stream().filter(p -> p.value() >= SPIKE_PERCENT).reduce((a, b) -> b);
        if (server.isPresent() && (client.isEmpty() || !client.get().at().isAfter(server.get().at()))) {
            return Optional.of(new Spike(server.get(), true));
        }
        return client.map(p -> new Spike(p, false));
    }

    /** An error-rate spike: 5xx (server down or overloaded) or 4xx (stream not live). */
    public record Spike(Point at, boolean serverErrors) {
    }
}
