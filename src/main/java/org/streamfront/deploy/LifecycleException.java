package org.streamfront.deploy;

/** A step the lifecycle does not allow now (create while a teardown is unfinished); the message says what to do. */
public final class LifecycleException extends Exception {
    public LifecycleException(String message) {
        super(message);
    }
}
