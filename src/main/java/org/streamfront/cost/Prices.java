package org.streamfront.cost;

import org.streamfront.Messages;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * CloudFront's published pay-as-you-go prices in US dollars, as shipped with this version: data
 * transfer out to the internet per GB by volume tier, and requests per 10,000, for each pricing
 * region. Prices change; the date and source are shown beside every estimate.
 */
public final class Prices {
    /** When these figures were read. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    public static final String SOURCE = "https://aws.amazon.com/cloudfront/pricing/";
    /** Where the real bill is. */
    public static final String BILL = "https://console.aws.amazon.com/billing/home#/bills";

    /** Always free each month, per account: 1 TB out to the internet and 10 million requests. */
    public static final double FREE_GB = 1024;
    public static final long FREE_REQUESTS = 10_000_000;
    /** Tier sizes in GB: 10 TB, 40 TB, 100 TB, 350 TB, 524 TB, 4 PB, then everything above 5 PB. */
    static final double[] TIER_GB = {10 * 1024, 40 * 1024, 100 * 1024, 350 * 1024, 524 * 1024, 4 * 1024 * 1024, Double.POSITIVE_INFINITY};
    /** Origin Shield: each request it handles as an extra layer, per 10,000 (AWS Price List). */
    public static final double ORIGIN_SHIELD_PER_10K = 0.0090;
    /**
     * A distribution's additional metrics (the cache hit rate among them): up to 8 metrics a month
     * at CloudWatch's rate for an account's first 10,000 metrics, $0.30 each.
     */
    public static final double ADDITIONAL_METRICS_PER_MONTH = 8 * 0.30;
    /** CloudFront's regional edge caches: the most Origin Shield can be asked once per object. */
    public static final int REGIONAL_EDGE_CACHES = 13;

    /** A pricing region: who it covers, the price classes that serve it, and its rates. */
    public enum Region {
        NORTH_AMERICA(100, 0.0075, 0.0100, 0.085, 0.080, 0.060, 0.040, 0.030, 0.025, 0.020),
        EUROPE(100, 0.0090, 0.0120, 0.085, 0.080, 0.060, 0.040, 0.030, 0.025, 0.020),
        AFRICA_MIDDLE_EAST(200, 0.0090, 0.0120, 0.110, 0.105, 0.090, 0.080, 0.060, 0.050, 0.040),
        JAPAN(200, 0.0090, 0.0120, 0.114, 0.089, 0.086, 0.084, 0.080, 0.070, 0.060),
        ASIA(200,
                0.0090, 0.0120, 0.120, 0.100, 0.095, 0.090, 0.080, 0.070, 0.060),
        INDIA(200, 0.0090, 0.0120, 0.109, 0.085, 0.082, 0.080, 0.078, 0.075, 0.072),
        SOUTH_AMERICA(0, 0.0160, 0.0220, 0.110, 0.105, 0.090, 0.080, 0.060, 0.050, 0.040),
        AUSTRALIA(0, 0.0090, 0.0125, 0.114, 0.098, 0.094, 0.092, 0.090, 0.085, 0.080);

        /** The cheapest price class whose edge locations are in this region: 100, 200, or 0 for All only. */
        private final int firstClass;
        public final double httpPer10k;
        public final double httpsPer10k;
        /** Per GB, one figure per {@link #TIER_GB} tier. */
        final double[] perGb;

        Region(int firstClass, double httpPer10k, double httpsPer10k, double... perGb) {
            this.firstClass = firstClass;
            this.httpPer10k = httpPer10k;
            this.httpsPer10k = httpsPer10k;
            this.perGb = perGb;
        }

        /** A short name for charts and menus, in the user's language. */
        public String shortName() {
            return Messages.get("region." + name());
        }

        /** The places the region covers. */
        public String places() {
            return Messages.get("region." + name() + ".places");
        }

        /** Whether a distribution of this price class has edge locations here. */
        public boolean servedBy(String priceClass) {
            return switch (priceClass) {
                case "PriceClass_100" -> firstClass == 100;
                case "PriceClass_200" -> firstClass == 100 || firstClass == 200;
                default -> true;
            };
        }

        public double firstTierPerGb() {
            return perGb[0];
        }
    }

    private Prices() {
    }

    /** The regions a price class serves from; viewers elsewhere are served (and billed) from these. */
    public static List<Region> servedBy(String priceClass) {
        return Arrays.stream(Region.values()).filter(r -> r.servedBy(priceClass)).toList();
    }
}
