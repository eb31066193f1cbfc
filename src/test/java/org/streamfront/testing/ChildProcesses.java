package org.streamfront.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class whose time goes mostly to StreamFront commands in their own processes (cold JVMs,
 * waits on simulators): it runs beside the in-process tests rather than after them, one such class
 * at a time and its tests in order. Its simulators, homes and ports are its own. Only the long ones
 * carry it: the short command classes run in the main lane, which keeps the two lanes about even.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("child-processes")
public @interface ChildProcesses {
}
