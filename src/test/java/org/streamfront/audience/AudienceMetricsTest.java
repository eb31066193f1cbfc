package org.streamfront.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/** CloudWatch's answers as they come, odd ones included: pages, newest first, gaps, values that are not numbers. */
class AudienceMetricsTest {
    @Test
    void seriesAreOldestFirstAcrossPagesAndSkipWhatIsNotAFigure() {
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
        var page1 = MetricDataResult.builder().id("requests").timestamps(t0.plusSeconds(120), t0.plusSeconds(60))
                .values(30.0, 20.0).build();
        var page2 = MetricDataResult.builder().id("requests").timestamps(Arrays.asList(t0, null, t0.plusSeconds(180)))
                .values(Arrays.asList(10.0, 99.0, Double.NaN)).build();
        var other = MetricDataResult.builder().id("bytes").timestamps(t0).values(1e6).build();
        var mismatched = MetricDataResult.builder().id("requests").timestamps(t0.plusSeconds(240), t0.plusSeconds(300))
                .values(40.0).build();
        var empty = MetricDataResult.builder().id("requests").build();

        List<Traffic.Point> series = AudienceMetrics.series(List.of(page1, page2, other, mismatched, empty), "requests");

        assertThat(series).extracting(Traffic.Point::value).containsExactly(10.0, 20.0, 30.0, 40.0);
        assertThat(series.getFirst().at()).isEqualTo(t0);
        assertThat(AudienceMetrics.series(List.of(page1), "hits")).isEmpty();
    }
}
