package org.streamfront.cli;

import java.util.logging.Level;
import java.io.PrintWriter;
import java.util.concurrent.TimeoutException;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.deploy.LifecycleException;
import org.streamfront.address.OwnAddress;

/** How commands report an AWS or network failure: plain words, what to do, then the detail; exit 1. */
final class Failures {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Failures.class.getName());
    private Failures() {
    }

    static int report(PrintWriter err, Exception e) {
        if (e instanceof OwnAddress.AddressException) {
            err.println("error: " + e.getMessage()); // already what to do, in plain words
            return StreamFrontCommand.FAILED;
        }
        if (e instanceof TimeoutException || e instanceof LifecycleException) {
            // Nothing is wrong that the user must fix; one line says what happened and how to go on.
            err.println("error: " + e.getMessage() + (e instanceof TimeoutException ? " " + Messages.get("cli.timeout.resume") : ""));
            return StreamFrontCommand.FAILED;
        }
        var explained = AwsErrors.explain(e);
        // The log keeps what support needs (the AWS request id and error code are in the detail).
        LOG.log(Level.WARNING, explained.summary() + " " + explained.detail());
        err.println("error: " + explained.summary());
        err.println("  " + explained.advice());
        err.println("  detail: " + explained.detail());
        return StreamFrontCommand.FAILED;
    }
}
