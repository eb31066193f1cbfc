package org.streamfront.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the test run a sound output without anyone starting one by hand: when no PulseAudio server
 * is running for this user, a private one with a null sink is started before the first test and
 * stopped after the last, so JavaFX media (which halts a stream with audio when it cannot open an
 * audio device on Linux) behaves as on a desktop. A server the user already runs is left alone;
 * without PulseAudio installed nothing happens and the no-sound path of the Play step is what runs.
 */
public final class PrivateSoundSink implements LauncherSessionListener {
    private static final Logger LOG = Logger.getLogger(PrivateSoundSink.class.getName());
    private boolean startedHere;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux") || System.getenv("PULSE_SERVER") != null
                || run("pulseaudio", "--check") != 1) {
            return; // not Linux, a sound server chosen on purpose, already running (0), or not installed (-1)
        }
        startedHere = run("pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n",
                "--load=module-null-sink sink_name=streamfront_tests", "--load=module-native-protocol-unix") == 0
                && run("pulseaudio", "--check") == 0;
        LOG.info(startedHere ? "started a private null sound sink for the tests" : "could not start a private sound sink");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (startedHere) {
            run("pulseaudio", "--kill");
            startedHere = false;
        }
    }

    /** The command's exit code, or -1 when it cannot be run at all. */
    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
