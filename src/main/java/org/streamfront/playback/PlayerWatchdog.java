package org.streamfront.playback;

import java.time.Duration;

/**
 * Watches a live player from the outside. JavaFX keeps saying PLAYING when a live stream stops
 * advancing, so the watchdog trusts only the position: no progress for {@code stallAfter} while
 * the player claims to play means the stream stopped. Pure logic, fed with samples.
 */
public final class PlayerWatchdog {
    public enum State { CONNECTING, BUFFERING, PLAYING, STALLED }

    private final long stallNanos;
    private double lastPosition = -1;
    private long lastProgressNanos;
    private long startedNanos;
    private boolean everPlayed;

    public PlayerWatchdog(Duration stallAfter) {
        this.stallNanos = stallAfter.toNanos();
    }

    /** Starts a new attempt (a new player). */
    public void reset(long nowNanos) {
        lastPosition = -1;
        lastProgressNanos = nowNanos;
        startedNanos = nowNanos;
        everPlayed = false;
    }

    /**
     * One look at the player: its status as JavaFX names it (READY, PLAYING, STALLED, ...) and its
     * position in seconds.
     */
    public State sample(long nowNanos, String playerStatus, double positionSeconds) {
        boolean moved = positionSeconds > lastPosition + 0.05;
        if (moved) {
            if (lastPosition >= 0) {
                everPlayed = true;
            }
            lastPosition = positionSeconds;
            lastProgressNanos = nowNanos;
        }
        long still = nowNanos - lastProgressNanos;
        if (still > stallNanos && (everPlayed || nowNanos - startedNanos > 2 * stallNanos)) {
            return State.STALLED;
        }
        if (!everPlayed) {
            return "PLAYING".equals(playerStatus) || "STALLED".equals(playerStatus) ? State.BUFFERING : State.CONNECTING;
        }
        return moved || still < 1_500_000_000L ? State.PLAYING : State.BUFFERING;
    }

    /** Waits between attempts to reconnect: 1, 2, 4, 8 s, then 15 s. */
    public static Duration retryDelay(int attempt) {
        return Duration.ofSeconds(Math.min(15, 1L << Math.min(attempt, 4)));
    }
}
