package org.streamfront.aws;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Retries AWS calls that failed for a passing reason (throttling, a 5xx, a dropped connection),
 * with exponential backoff and jitter, telling the listener each time so the user sees it.
 * Interruption (Cancel) stops the waiting at once.
 */
public final class Retry {
    public static final int ATTEMPTS = 6;
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded",
            "TooManyRequestsException", "RequestThrottled");

    /** Hears about each retry: what failed, which attempt comes next, and how long until it does. */
    public interface Listener {
        void retrying(String what, int nextAttempt, Duration wait, Throwable cause);
    }

    private final Duration base;
    private final Duration cap;
    private final int attempts;

    public Retry(Duration base, Duration cap, int attempts) {
        this.base = base;
        this.cap = cap;
        this.attempts = attempts;
    }

    public static Retry standard() {
        return new Retry(Duration.ofMillis(500), Duration.ofSeconds(20), ATTEMPTS);
    }

    public <T> T call(String what, Callable<T> operation, Listener listener) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.call();
            } catch (Exception e) {
                if (attempt >= attempts || !isTransient(e)) {
                    throw e;
                }
                Duration wait = backoff(attempt);
                listener.retrying(what, attempt + 1, wait, e);
                Thread.sleep(wait);
            }
        }
    }

    /** Full jitter within an exponentially growing window; the window never passes the cap. */
    Duration backoff(int attempt) {
        long window = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 16));
        return Duration.ofMillis(window / 2 + ThreadLocalRandom.current().nextLong(window / 2 + 1));
    }

    public static boolean isThrottling(Throwable e) {
        return e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && THROTTLING.contains(aws.awsErrorDetails().errorCode());
    }

    /** Worth another try: throttling, a server-side error, or the network failing under us. */
    public static boolean isTransient(Throwable e) {
        if (isThrottling(e)) {
            return true;
        }
        if (e instanceof AwsServiceException aws) {
            return aws.statusCode() >= 500;
        }
        if (e instanceof KeyValueStoreData.Refused refused) {
            return refused.status() >= 500 || THROTTLING.contains(refused.type());
        }
        // The key value store's own client: no answer at all (refused connection, timeout, dropped).
        return e instanceof SdkClientException && hasCause(e, IOException.class)
                || e instanceof IOException && !(e instanceof KeyValueStoreData.Refused);
    }

    /** The request may have been carried out even though no answer came: a create must be looked for. */
    public static boolean isAmbiguous(Throwable e) {
        return e instanceof SdkClientException && hasCause(e, IOException.class)
                || e instanceof AwsServiceException aws && aws.statusCode() >= 500;
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
