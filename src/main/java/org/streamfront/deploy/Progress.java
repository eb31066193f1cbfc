package org.streamfront.deploy;

import java.time.Duration;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.aws.Retry;

/** What a long deployment operation tells its watcher: log lines in plain words, retries, each status read. */
public interface Progress extends Retry.Listener {
    void log(String message);

    default void status(Snapshot snapshot) {
    }

    @Override
    default void retrying(String what, int nextAttempt, Duration wait, Throwable cause) {
        log(Messages.get("deploy.log.retrying", AwsErrors.explain(cause).summary(),
                wait.toMillis() / 1000.0, nextAttempt, Retry.ATTEMPTS));
    }

    Progress SILENT = message -> { };
}
