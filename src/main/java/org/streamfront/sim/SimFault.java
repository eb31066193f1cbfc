package org.streamfront.sim;

/** What the CloudFront simulator can do wrong on purpose, to test the app's handling of real failures. */
public enum SimFault {
    /** HTTP 400 with code Throttling, as CloudFront answers a burst of calls. */
    THROTTLING,
    /** HTTP 500 InternalError. */
    INTERNAL_ERROR,
    /** HTTP 503 ServiceUnavailable. */
    SERVICE_UNAVAILABLE,
    /** The answer comes, but only after the simulator's slow delay. */
    SLOW,
    /** The connection drops before the request is carried out. */
    DROP_BEFORE,
    /** The request is carried out, then the connection drops before the answer: the ambiguous failure. */
    DROP_AFTER,
    /** Just before the call, someone else changes the distribution (in the console, say): its ETag moves on. */
    STALE_ETAG
}
