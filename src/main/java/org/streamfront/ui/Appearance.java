package org.streamfront.ui;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import org.streamfront.store.Settings;

/**
 * How StreamFront looks, as the user set it: light, dark or the OS's colours, and the text size
 * (JavaFX does not read the OS's text scale). Both apply at once to every window and are kept in settings.
 */
public final class Appearance {
    private static final Logger LOG = Logger.getLogger(Appearance.class.getName());
    public static final List<String> COLOURS = List.of("system", "light", "dark");
    public static final List<Integer> TEXT_SIZES = List.of(100, 125, 150, 200);

    private final Settings settings;
    private final StringProperty colours = new SimpleStringProperty();
    private final IntegerProperty textSize = new SimpleIntegerProperty();

    public Appearance(Settings settings) {
        this.settings = settings;
        colours.set(COLOURS.contains(settings.colours()) ? settings.colours() : "system");
        textSize.set(TEXT_SIZES.contains(settings.textSize()) ? settings.textSize() : 100);
        Theme.follow(colours);
    }

    public Settings settings() {
        return settings;
    }

    public StringProperty colours() {
        return colours;
    }

    public IntegerProperty textSize() {
        return textSize;
    }

    /** Uses the user's choices at once and keeps them (written off the FX thread, in turn). */
    public void choose(String colourChoice, int percent) {
        colours.set(colourChoice);
        textSize.set(percent);
        Background.inTurn(() -> {
            try {
                settings.looks(colourChoice, percent);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "settings could not be saved", e);
            }
        });
    }

    /** Gives the scene the chosen text size, now and whenever it changes (also after its root is replaced). */
    public void adopt(Scene scene) {
        Runnable apply = () -> {
            var classes = scene.getRoot().getStyleClass();
            classes.removeIf(c -> c.startsWith("text-size-"));
            if (textSize.get() != 100) {
                classes.add("text-size-" + textSize.get());
            }
        };
        textSize.subscribe(size -> apply.run());
        scene.rootProperty().subscribe(root -> apply.run());
    }
}
