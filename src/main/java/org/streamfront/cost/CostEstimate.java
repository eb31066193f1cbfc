package org.streamfront.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.streamfront.Messages;
import org.streamfront.plan.Plan;

/**
 * What a month of live events may cost on CloudFront, from the stream's bitrate and the audience.
 * Each viewer downloads the stream once (bitrate × time) and asks for the playlist and each segment
 * once per segment duration. The always-free allowance is applied as if this were the account's
 * only CloudFront use. GB here are 2^30 bytes, as AWS bills them.
 */
public final class CostEstimate {
    public static final int MAX_VIEWERS = 10_000_000;
    public static final double MAX_HOURS = 24;
    public static final int MAX_EVENTS = 31;

    /** What the user tells: how many watch at once, for how long, how often, and mostly where. */
    public record Audience(int viewers, double hoursPerEvent, int eventsPerMonth, Prices.Region region) {
        public double viewerHours() {
            return (double) viewers * hoursPerEvent * eventsPerMonth;
        }
    }

    /** What the stream and the distribution are: measured bitrate, segment length, HTTPS or not, price class, Origin Shield. */
    public record Stream(long bitsPerSecond, double segmentSeconds, boolean https, String priceClass, boolean originShield) {
    }

    /** The month, line by line, in dollars. */
    public record Result(double gigabytes, long requests, double dataTransfer, double requestCost, long shieldRequests,
                         double shieldCost, double viewerHours, Prices.Region billedIn) {
        public double total() {
            return dataTransfer + requestCost + shieldCost;
        }

        public double perViewerHour() {
            return viewerHours == 0 ? 0 : total() / viewerHours;
        }
    }

    /** AMS's default HLS segment length, used until the stream's playlist has been read. */
    public static final int AMS_SEGMENT_SECONDS = 2;

    private CostEstimate() {
    }

    /** The stream as this plan's distribution delivers it; {@code segmentSeconds} 0 means not yet read. */
    public static Stream stream(Plan plan, long bitsPerSecond, int segmentSeconds) {
        return new Stream(bitsPerSecond, segmentSeconds > 0 ? segmentSeconds : AMS_SEGMENT_SECONDS,
                !"allow-all".equals(plan.distribution().viewerProtocol()), plan.distribution().priceClass(), plan.origin().shielded());
    }

    public static Result of(Stream stream, Audience audience) {
        double hours = audience.viewerHours();
        double gigabytes = stream.bitsPerSecond() / 8.0 * 3600 * hours / (1L << 30);
        // A live HLS player reloads the playlist about once per segment and fetches each new segment once.
        long requests = Math.round(hours * 2 * 3600 / stream.segmentSeconds());
        Prices.Region billed = billedRegion(audience.region(), stream.priceClass());
        double dataTransfer = tiered(Math.max(0, gigabytes - Prices.FREE_GB), billed);
        double perTenThousand = stream.https() ? billed.httpsPer10k : billed.httpPer10k;
        double requestCost = Math.max(0, requests - Prices.FREE_REQUESTS) / 10_000.0 * perTenThousand;
        long shieldRequests = 0;
        if (stream.originShield()) {
            // At most every regional edge cache asks Origin Shield once per playlist refresh and once per segment.
            double eventHours = audience.hoursPerEvent() * audience.eventsPerMonth();
            shieldRequests = Math.round(Prices.REGIONAL_EDGE_CACHES * eventHours * 2 * 3600 / stream.segmentSeconds());
        }
        double shieldCost = shieldRequests / 10_000.0 * Prices.ORIGIN_SHIELD_PER_10K;
        return new Result(gigabytes, requests, dataTransfer, requestCost, shieldRequests, shieldCost, hours, billed);
    }

    /** The same audience placed in each pricing region: what the chart compares. */
    public static List<Result> byRegion(Stream stream, Audience audience) {
        List<Result> all = new ArrayList<>();
        for (Prices.Region r : Prices.Region.values()) {
            all.add(of(stream, new Audience(audience.viewers(), audience.hoursPerEvent(), audience.eventsPerMonth(), r)));
        }
        return all;
    }

    /**
     * Viewers where the price class has no edge locations are served, and billed, from a nearby
     * included region: Asia-Pacific from North America, Africa, the Middle East and India from Europe.
     */
    static Prices.Region billedRegion(Prices.Region where, String priceClass) {
        if (where.servedBy(priceClass)) {
            return where;
        }
        return switch (where) {
            case AUSTRALIA -> Prices.Region.ASIA.servedBy(priceClass) ? Prices.Region.ASIA : Prices.Region.NORTH_AMERICA;
            case AFRICA_MIDDLE_EAST, INDIA -> Prices.Region.EUROPE;
            default -> Prices.Region.NORTH_AMERICA;
        };
    }

    /** Data-transfer dollars for this many GB in one region, tier by tier. */
    static double tiered(double gigabytes, Prices.Region region) {
        double left = gigabytes;
        double dollars = 0;
        for (int tier = 0; tier < Prices.TIER_GB.length && left > 0; tier++) {
            double here = Math.min(left, Prices.TIER_GB[tier]);
            dollars += here * region.perGb[tier];
            left -= here;
        }
        return dollars;
    }

    // ---- the rules of the three numbers the user types ----

    public static Optional<String> viewersProblem(Integer viewers) {
        return viewers == null ? Optional.of(Messages.get("estimate.viewers.missing"))
                : viewers < 1 || viewers > MAX_VIEWERS ? Optional.of(Messages.get("estimate.viewers.range", MAX_VIEWERS))
                : Optional.empty();
    }

    public static Optional<String> hoursProblem(Double hours) {
        return hours == null ? Optional.of(Messages.get("estimate.hours.missing"))
                : hours < 0.25 || hours > MAX_HOURS ? Optional.of(Messages.get("estimate.hours.range"))
                : Optional.empty();
    }

    public static Optional<String> eventsProblem(Integer events) {
        return events == null ? Optional.of(Messages.get("estimate.events.missing"))
                : events < 1 || events > MAX_EVENTS ? Optional.of(Messages.get("estimate.events.range", MAX_EVENTS))
                : Optional.empty();
    }

    public static Optional<String> bitrateProblem(Double mbits) {
        return mbits == null ? Optional.of(Messages.get("estimate.bitrate.missing"))
                : mbits < 0.05 || mbits > 100 ? Optional.of(Messages.get("estimate.bitrate.range"))
                : Optional.empty();
    }

    /** A number as the user typed it ("2,5" or "2.5"), or null when it is not one. */
    public static Double parseNumber(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (!t.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            return null;
        }
        return Double.valueOf(t);
    }
}
