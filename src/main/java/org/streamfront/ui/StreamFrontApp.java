package org.streamfront.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.streamfront.ui.widgets.ErrorPanel;
import org.streamfront.ui.widgets.Windows;
import org.streamfront.Languages;
import org.streamfront.Messages;
import org.streamfront.store.AppDirs;
import org.streamfront.store.Settings;

/** The wizard's window. */
public final class StreamFrontApp extends Application {
    private static volatile boolean practiceAtLaunch;
    /** The settings, read (and their language chosen) while the toolkit starts; null when not launched by {@link #open}. */
    private static volatile CompletableFuture<Settings> settingsAtLaunch;

    private AppOptions options;
    private AppRoot root;
    private Appearance appearance;

    /** Used by {@link Application#launch}. */
    public StreamFrontApp() {
        this(AppOptions.defaults(practiceAtLaunch));
    }

    public StreamFrontApp(AppOptions options) {
        this.options = options;
    }

    public static void open(boolean practice) {
        practiceAtLaunch = practice;
        Path file = AppDirs.dataHome().resolve(Settings.FILE);
        settingsAtLaunch = CompletableFuture.supplyAsync(() -> {
            Settings settings = new Settings(file);
            Languages.choose(settings.language());
            return settings;
        });
        SoftwareRendering.chooseWhenNoGpu();
        Application.launch(StreamFrontApp.class);
    }

    @Override
    public void start(Stage stage) {
        ErrorPanel.openFoldersWith(url -> getHostServices().showDocument(url));
        var launched = settingsAtLaunch;
        appearance = new Appearance(launched != null ? launched.join() : new Settings(options.dataHome().resolve(Settings.FILE)));
        root = new AppRoot(options, appearance, () -> switchToPractice(stage), url -> getHostServices().showDocument(url));
        // As large as the form needs, never larger than the screen: a 1366x768 laptop shows every step whole.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root.view(), Math.min(1180, screen.getWidth() - 40), Math.min(740, screen.getHeight() - 40));
        scene.getStylesheets().add(Theme.appStylesheet());
        appearance.adopt(scene);
        Windows.keyRules(scene);
        stage.setTitle(Messages.get(options.practice() ? "app.titlePractice" : "app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(
                    StreamFrontApp.class.getResource("icons/streamfront-" + size + ".png").toExternalForm(), true));
        }
        stage.setMinWidth(720);
        stage.setMinHeight(560);
        stage.setScene(scene);
        if (Boolean.getBoolean("streamfront.benchmark.startup")) {
            // The start-up benchmark's finish line: the first screen is shown and takes input. The
            // waiting work does not start: the install-time run that records the start-up AOT cache
            // (--smoke-test) then holds the first screen's classes, the same ones every time.
            stage.setOnShown(e -> Platform.runLater(() -> {
                System.out.println("STREAMFRONT_SHOWN");
                Platform.exit();
            }));
        } else {
            afterFirstLayout(scene, () -> root.afterShown());
        }
        stage.show();
    }

    /**
     * The work that can wait (simulators, profiles, draft, update check) starts once the first frame is
     * laid out and handed to the renderer: started when the window is shown, it took a core from the
     * first picture on a two-core computer.
     */
    private static void afterFirstLayout(Scene scene, Runnable work) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean started;

            @Override
            public void run() {
                if (!started) {
                    started = true;
                    // Removed afterwards: the scene is going through its listeners now.
                    Platform.runLater(() -> {
                        scene.removePostLayoutPulseListener(this);
                        work.run();
                    });
                }
            }
        });
    }

    /** The one-click way into practice mode for someone without an AWS account: same window, new services. */
    private void switchToPractice(Stage stage) {
        root.close();
        options = options.inPractice();
        root = new AppRoot(options, appearance, () -> { }, url -> getHostServices().showDocument(url));
        stage.getScene().setRoot(root.view());
        root.afterShown();
        stage.setTitle(Messages.get("app.titlePractice"));
    }

    @Override
    public void stop() {
        if (root != null) {
            root.close();
        }
    }

    public AppRoot root() {
        return root;
    }
}
