package org.streamfront;

import java.util.List;
import org.streamfront.cli.StreamFrontCommand;
import org.streamfront.store.AppDirs;
import org.streamfront.store.Settings;
import org.streamfront.ui.StreamFrontApp;

/**
 * Entry point of the jar and the installed launcher. With no command it opens the wizard
 * straight away (picocli is not even loaded, which keeps start-up short); otherwise it runs a command.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean window = args.length == 0 || args.length == 1 && List.of("--practice", "--smoke-test").contains(args[0]);
        if (window) {
            JarRelaunch.relaunchWithCache(); // java -jar on Linux: returns only when it did not relaunch
            // The window does not wait for the log file (~0.1 s of a cold JVM): another core opens it meanwhile.
            Thread.ofPlatform().name("streamfront-log-start").start(AppLog::start);
            AppLog.dropJavaFxClassPathWarning();
        } else {
            AppLog.start();
        }
        if (args.length == 0) {
            StreamFrontApp.open(false);
            return;
        }
        if (args.length == 1 && args[0].equals("--practice")) {
            StreamFrontApp.open(true);
            return;
        }
        if (args.length == 1 && args[0].equals("--smoke-test")) {
            // For installers and support: open the first screen where no display is needed, then exit 0.
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("streamfront.benchmark.startup", "true");
            StreamFrontApp.open(false);
            return;
        }
        // The wizard reads its settings while JavaFX starts; a command reads them first, for its language.
        Languages.choose(new Settings(AppDirs.dataHome().resolve(Settings.FILE)).language());
        System.exit(StreamFrontCommand.run(args));
    }
}
