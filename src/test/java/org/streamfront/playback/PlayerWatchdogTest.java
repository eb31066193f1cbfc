package org.streamfront.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlayerWatchdogTest {
    private static final long S = 1_000_000_000L;
    private final PlayerWatchdog dog = new PlayerWatchdog(Duration.ofSeconds(6));

    @Test
    void aPlayerThatSaysPlayingButDoesNotMoveIsStalled() {
        dog.reset(0);
        assertThat(dog.sample(0, "READY", 0)).isEqualTo(PlayerWatchdog.State.CONNECTING);
        assertThat(dog.sample(S, "PLAYING", 0.5)).isEqualTo(PlayerWatchdog.State.PLAYING);
        assertThat(dog.sample(2 * S, "PLAYING", 1.5)).isEqualTo(PlayerWatchdog.State.PLAYING);
        assertThat(dog.sample(4 * S, "PLAYING", 1.5)).isEqualTo(PlayerWatchdog.State.BUFFERING);
        assertThat(dog.sample(9 * S, "PLAYING", 1.5)).isEqualTo(PlayerWatchdog.State.STALLED);
    }

    @Test
    void aPlayerThatNeverStartsIsStalledAfterAWhile() {
        dog.reset(0);
        assertThat(dog.sample(5 * S, "PLAYING", 0)).isEqualTo(PlayerWatchdog.State.BUFFERING);
        assertThat(dog.sample(13 * S, "PLAYING", 0)).isEqualTo(PlayerWatchdog.State.STALLED);
    }

    @Test
    void retriesBackOffToFifteenSeconds() {
        assertThat(PlayerWatchdog.retryDelay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PlayerWatchdog.retryDelay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(PlayerWatchdog.retryDelay(10)).isEqualTo(Duration.ofSeconds(15));
    }
}
