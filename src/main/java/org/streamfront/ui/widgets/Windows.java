package org.streamfront.ui.widgets;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Toggle;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The app's secondary windows (the main window's styles and text size, closed by Escape), and what Enter does in every window. */
public final class Windows {
    private static final String DELIBERATE = "streamfront.deliberate";

    private Windows() {
    }

    /** A window over {@code owner}, not yet shown. */
    public static Stage secondary(Window owner, Parent root, String title, double width, double height) {
        Stage stage = new Stage();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        followTextSize(owner.getScene().getRoot(), root);
        keyRules(scene);
        // Bubbling: a list or menu open in the window closes first (it takes the Escape itself).
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(title);
        stage.initOwner(owner);
        return stage;
    }

    /**
     * What Enter does in a window: on a choice (a radio button, a tick box) it acts as it does in a
     * field, pressing the window's default button; on a button that spends money or removes
     * something ({@link #deliberate}) it does nothing: that takes a press of Space or a click.
     * And Alt+letters keep working as pages come and go (see {@link #forgetLettersOfRemovedControls}).
     */
    public static void keyRules(Scene scene) {
        forgetLettersOfRemovedControls(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) {
                return;
            }
            Node owner = scene.getFocusOwner();
            if (owner instanceof ButtonBase b && Boolean.TRUE.equals(b.getProperties().get(DELIBERATE))) {
                e.consume();
            } else if (owner instanceof Toggle) {
                e.consume();
                scene.getRoot().lookupAll(".button").stream()
                        .filter(n -> n instanceof Button b && b.isDefaultButton() && !b.isDisabled() && b.isVisible())
                        .findFirst().ifPresent(n -> ((Button) n).fire());
            }
        });
    }

    /**
     * JavaFX keeps an Alt+letter's entry once its control has left the window, with no control in it,
     * and answers Alt+N with the first entry that matches either case: after a page whose label had
     * "_n" had gone, Alt+N no longer pressed Next. Entries are dropped as they empty.
     */
    private static void forgetLettersOfRemovedControls(Scene scene) {
        ObservableMap<KeyCombination, ObservableList<Mnemonic>> letters = scene.getMnemonics();
        letters.forEach((keys, controls) -> forgetWhenEmpty(letters, keys, controls));
        letters.addListener((MapChangeListener<KeyCombination, ObservableList<Mnemonic>>) change -> {
            if (change.wasAdded()) {
                forgetWhenEmpty(letters, change.getKey(), change.getValueAdded());
            }
        });
    }

    private static void forgetWhenEmpty(ObservableMap<KeyCombination, ObservableList<Mnemonic>> letters,
            KeyCombination keys, ObservableList<Mnemonic> controls) {
        // Later, not now: JavaFX may be going through the entries as it empties this one.
        controls.addListener((ListChangeListener<Mnemonic>) change -> Platform.runLater(() -> {
            if (controls.isEmpty() && letters.get(keys) == controls) {
                letters.remove(keys);
            }
        }));
    }

    /** Marks a button that spends money or removes something: Enter never presses it. */
    public static void deliberate(ButtonBase button) {
        button.getProperties().put(DELIBERATE, true);
    }

    /** The text size chosen in Settings (a style class on the main window's root) in this window too, as it changes. */
    private static void followTextSize(Parent main, Parent root) {
        Runnable copy = () -> {
            root.getStyleClass().removeIf(c -> c.startsWith("text-size-"));
            main.getStyleClass().stream().filter(c -> c.startsWith("text-size-")).forEach(root.getStyleClass()::add);
        };
        copy.run();
        main.getStyleClass().addListener((ListChangeListener<String>) change -> copy.run());
    }
}
