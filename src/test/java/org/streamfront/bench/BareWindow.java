package org.streamfront.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up benchmark's yardstick: the smallest JavaFX window, launched the way StreamFront is
 * (a plain main class that launches the Application, as JavaFX on the class path requires).
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Hello"), 980, 720));
            stage.setOnShown(e -> Platform.runLater(() -> {
                System.out.println("STREAMFRONT_SHOWN");
                Platform.exit();
            }));
            stage.show();
        }
    }
}
