package org.streamfront.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostEstimateTest {
    @Test
    void aMonthOfSmallEventsInNorthAmerica() {
        // 2.5 Mbit/s = 312,500 bytes/s; 1,000 viewers × 2 h × 4 events = 8,000 viewer-hours.
        // Bytes: 312,500 × 3,600 × 8,000 = 9.0e12 = 8,381.90 GB (GB = 2^30 bytes); minus the free 1,024 GB
        // leaves 7,357.90 GB, all in the first 10 TB tier: × $0.085 = $625.42.
        // Requests: a playlist and a segment every 2 s = 3,600 per viewer-hour × 8,000 = 28.8 M;
        // minus the free 10 M = 18.8 M = 1,880 × $0.0100 (HTTPS, North America) = $18.80.
        // Total $644.22, i.e. $0.0805 per viewer-hour.
        var result = CostEstimate.of(new CostEstimate.Stream(2_500_000, 2, true, "PriceClass_100", false),
                new CostEstimate.Audience(1000, 2, 4, Prices.Region.NORTH_AMERICA));

        assertThat(result.gigabytes()).isCloseTo(8381.90, within(0.01));
        assertThat(result.dataTransfer()).isCloseTo(625.42, within(0.01));
        assertThat(result.requests()).isEqualTo(28_800_000);
        assertThat(result.requestCost()).isCloseTo(18.80, within(0.001));
        assertThat(result.shieldCost()).isZero();
        assertThat(result.total()).isCloseTo(644.22, within(0.01));
        assertThat(result.perViewerHour()).isCloseTo(0.0805, within(0.0001));
    }

    @Test
    void aLargeAudienceCrossesTheVolumeTiersAndPaysForOriginShield() {
        // 5 Mbit/s = 625,000 bytes/s; 20,000 viewers × 3 h × 2 events = 120,000 viewer-hours.
        // Bytes: 625,000 × 3,600 × 120,000 = 2.7e14 = 251,457.10 GB; minus 1,024 free = 250,433.10 GB.
        // Europe's tiers: 10,240 × 0.085 = 870.40; 40,960 × 0.080 = 3,276.80; 102,400 × 0.060 = 6,144.00;
        // the remaining 96,833.10 × 0.040 = 3,873.32 → $14,164.52.
        // Requests with 6 s segments: 1,200 per viewer-hour × 120,000 = 144 M; minus 10 M = 13,400 × $0.0120 = $160.80.
        // Origin Shield, at most: 13 regional caches × 6 event-hours × 1,200 = 93,600 requests × $0.009 / 10,000 = $0.08.
        // Total $14,325.41.
        var result = CostEstimate.of(new CostEstimate.Stream(5_000_000, 6, true, "PriceClass_All", true),
                new CostEstimate.Audience(20_000, 3, 2, Prices.Region.EUROPE));

        assertThat(result.dataTransfer()).isCloseTo(14_164.52, within(0.01));
        assertThat(result.requestCost()).isCloseTo(160.80, within(0.001));
        assertThat(result.shieldRequests()).isEqualTo(93_600);
        assertThat(result.total()).isCloseTo(14_325.41, within(0.01));
    }

    @Test
    void aSmallAudienceFitsInTheFreeAllowance() {
        var result = CostEstimate.of(new CostEstimate.Stream(1_000_000, 2, true, "PriceClass_All", false),
                new CostEstimate.Audience(20, 1, 4, Prices.Region.JAPAN));

        assertThat(result.total()).isZero();
    }

    @Test
    void viewersOutsideThePriceClassAreBilledWhereTheyAreServed() {
        var stream = new CostEstimate.Stream(2_000_000, 2, true, "PriceClass_100", false);
        var inAustralia = CostEstimate.of(stream, new CostEstimate.Audience(5000, 2, 8, Prices.Region.AUSTRALIA));
        var inNorthAmerica = CostEstimate.of(stream, new CostEstimate.Audience(5000, 2, 8, Prices.Region.NORTH_AMERICA));

        assertThat(inAustralia.billedIn()).isEqualTo(Prices.Region.NORTH_AMERICA);
        assertThat(inAustralia.total()).isEqualTo(inNorthAmerica.total());
        assertThat(CostEstimate.byRegion(stream, new CostEstimate.Audience(5000, 2, 8, Prices.Region.EUROPE)))
                .hasSize(Prices.Region.values().length);
    }

    @Test
    void httpIsCheaperPerRequestThanHttps() {
        var audience = new CostEstimate.Audience(10_000, 2, 8, Prices.Region.SOUTH_AMERICA);
        var https = CostEstimate.of(new CostEstimate.Stream(1_000_000, 2, true, "PriceClass_All", false), audience);
        var http = CostEstimate.of(new CostEstimate.Stream(1_000_000, 2, false, "PriceClass_All", false), audience);

        assertThat(http.requestCost()).isLessThan(https.requestCost());
    }

    @Test
    void badNumbersAreRefusedInPlainWords() {
        assertThat(CostEstimate.viewersProblem(null)).isPresent();
        assertThat(CostEstimate.viewersProblem(0)).isPresent();
        assertThat(CostEstimate.viewersProblem(10_000_001)).isPresent();
        assertThat(CostEstimate.viewersProblem(1)).isEmpty();
        assertThat(CostEstimate.hoursProblem(CostEstimate.parseNumber("two"))).isPresent();
        assertThat(CostEstimate.hoursProblem(CostEstimate.parseNumber("25"))).isPresent();
        assertThat(CostEstimate.hoursProblem(CostEstimate.parseNumber("0.1"))).isPresent();
        assertThat(CostEstimate.parseNumber("1,5")).isEqualTo(1.5);
        assertThat(CostEstimate.parseNumber("-2")).isNull();
        assertThat(CostEstimate.eventsProblem(0)).isPresent();
        assertThat(CostEstimate.eventsProblem(32)).isPresent();
        assertThat(CostEstimate.eventsProblem(31)).isEmpty();
        assertThat(CostEstimate.bitrateProblem(CostEstimate.parseNumber("2.5"))).isEmpty();
        assertThat(CostEstimate.bitrateProblem(CostEstimate.parseNumber("2.5 Mbit"))).isPresent();
        assertThat(CostEstimate.bitrateProblem(CostEstimate.parseNumber("500"))).isPresent();
    }
}
