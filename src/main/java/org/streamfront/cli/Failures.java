package org.streamfront.cli;

import java.io.PrintWriter;
import org.streamfront.aws.AwsErrors;

/** How commands report an AWS or network failure: plain words, what to do, then the detail; exit 1. */
final class Failures {
    private Failures() {
    }

    static int report(PrintWriter err, Exception e) {
        var explained = AwsErrors.explain(e);
        err.println("error: " + explained.summary());
        err.println("  " + explained.advice());
        err.println("  detail: " + explained.detail());
        return StreamFrontCommand.FAILED;
    }
}
