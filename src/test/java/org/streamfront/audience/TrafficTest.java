package org.streamfront.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures drawn from CloudWatch's datapoints: viewers, spikes, the server's share. */
class TrafficTest {
    private static final int MINUTE = 60;

    private static Traffic bytes(List<Traffic.Point> bytes) {
        return new Traffic(MINUTE, bytes, bytes, List.of(), List.of(), List.of());
    }

    @Test
    void viewersAreBytesPerSecondOverTheBitrateLeavingOutTheMinuteStillFilling() {
        Instant now = Instant.now();
        // 2.5 Mbit/s per viewer = 18.75 MB a minute; 100 viewers = 1,875 MB a minute.
        Traffic t = bytes(List.of(new Traffic.Point(now.minusSeconds(180), 1_875e6), new Traffic.Point(now.minusSeconds(120), 1_875e6),
                new Traffic.Point(now.minusSeconds(30), 200e6)));
        assertThat(t.viewers(2_500_000, 3)).hasValueSatisfying(v -> assertThat(v).isCloseTo(100, within(0.01)));
        assertThat(t.viewerSeries(2_500_000)).hasSize(2).allSatisfy(p -> assertThat(p.value()).isCloseTo(100, within(0.01)));
        assertThat(t.viewers(0, 3)).as("no bitrate, no estimate").isEmpty();
        assertThat(bytes(List.of()).viewers(2_500_000, 3)).isEmpty();
    }

    @Test
    void theNewestSpikeSaysWhichKindAndWhere() {
        Instant now = Instant.now();
        Traffic t = new Traffic(MINUTE, List.of(new Traffic.Point(now, 10)), List.of(),
                List.of(new Traffic.Point(now.minusSeconds(120), 40), new Traffic.Point(now.minusSeconds(60), 2)),
                List.of(new Traffic.Point(now.minusSeconds(60), 12)), List.of());
        assertThat(t.newestSpike()).hasValueSatisfying(s -> {
            assertThat(s.serverErrors()).isTrue();
            assertThat(s.at().value()).isEqualTo(12);
        });
        Traffic calm = new Traffic(MINUTE, List.of(new Traffic.Point(now, 10)), List.of(), List.of(new Traffic.Point(now, 4.9)),
                List.of(new Traffic.Point(now, 0)), List.of());
        assertThat(calm.newestSpike()).isEmpty();
    }

    @Test
    void theServersShareIsKnownOnlyWithTheHitRate() {
        Instant now = Instant.now();
        Traffic t = new Traffic(MINUTE, List.of(), List.of(), List.of(), List.of(), List.of(new Traffic.Point(now, 97.5)));
        assertThat(t.originShare()).hasValueSatisfying(share -> assertThat(share).isCloseTo(2.5, within(1e-9)));
        assertThat(bytes(List.of()).originShare()).isEmpty();
    }
}
