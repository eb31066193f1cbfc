package org.streamfront.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.streamfront.Messages;
import org.streamfront.aws.Retry;

/**
 * Polls a distribution until CloudFront says Deployed. Every {@link #interval} normally (the AWS
 * CLI's waiter uses 60 s), so Deployed is seen within seconds; throttling doubles the wait, up to a
 * minute, and it relaxes again after calls succeed.
 */
public final class DeployWatcher {
    private final Duration interval;
    private final Duration maxInterval = Duration.ofSeconds(60);

    public DeployWatcher(Duration interval) {
        this.interval = interval;
    }

    /** The system property with which tests shorten every wait between two looks at AWS (milliseconds). */
    public static final String POLL_PROPERTY = "streamfront.pollMillis";

    public static DeployWatcher standard() {
        return new DeployWatcher(pollEvery(Duration.ofSeconds(2)));
    }

    /** {@code normal}, unless {@value #POLL_PROPERTY} says otherwise: tests need not wait seconds for a simulator that answers at once. */
    public static Duration pollEvery(Duration normal) {
        String set = System.getProperty(POLL_PROPERTY);
        try {
            return set == null ? normal : Duration.ofMillis(Math.max(1, Long.parseLong(set.trim())));
        } catch (NumberFormatException e) {
            return normal;
        }
    }

    /**
     * Returns the Deployed snapshot; throws TimeoutException after {@code timeout} (null = no limit),
     * InterruptedException when cancelled.
     */
    public Snapshot awaitDeployed(String id, Function<String, Snapshot> read, Progress progress, Duration timeout)
            throws Exception {
        Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
        Duration wait = interval;
        String lastStatus = null;
        while (true) {
            Snapshot s;
            try {
                s = read.apply(id);
                wait = wait.compareTo(interval) > 0 ? wait.dividedBy(2) : interval;
            } catch (Exception e) {
                if (!Retry.isTransient(e)) {
                    throw e;
                }
                wait = min(wait.multipliedBy(2), maxInterval);
                progress.log(Messages.get("deploy.log.slowingDown", wait.toSeconds()));
                s = null;
            }
            if (s != null) {
                progress.status(s);
                if (!s.status().equals(lastStatus)) {
                    progress.log(Messages.get("deploy.log.status", s.status()));
                    lastStatus = s.status();
                }
                if (s.deployed()) {
                    return s;
                }
            }
            if (deadline != null && Instant.now().plus(wait).isAfter(deadline)) {
                throw new TimeoutException(Messages.get("deploy.timeout", id));
            }
            Thread.sleep(wait);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
