package org.streamfront.bench;

import java.util.concurrent.TimeUnit;

/** A private Xvfb display (1366x768) for the benchmarks that watch the app from outside; needs Debian's xvfb and x11-utils. */
public final class PrivateXServer implements AutoCloseable {
    private final Process xvfb;

    /** Starts Xvfb on {@code display} (":57") and returns once a client is answered there (xdpyinfo), within 5 s. */
    public PrivateXServer(String display) throws Exception {
        xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!answers(display)) {
            if (!xvfb.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("Xvfb did not come up on " + display);
            }
            Thread.sleep(50); // polling a server another process starts
        }
    }

    private static boolean answers(String display) throws Exception {
        Process probe = new ProcessBuilder("xdpyinfo", "-display", display).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return probe.waitFor(2, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    /** Stops the server the polite way, so it takes its socket and lock file with it. */
    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
