package org.streamfront.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;

/** AtlantaFX's Primer theme, light or dark: as the user chose, else as the OS prefers, following either when it changes. */
final class Theme {
    private Theme() {
    }

    /** {@code choice}: "light", "dark" or "system". */
    static void follow(ObservableValue<String> choice) {
        var scheme = Platform.getPreferences().colorSchemeProperty();
        Runnable apply = () -> apply(switch (choice.getValue()) {
            case "dark" -> true;
            case "light" -> false;
            default -> scheme.get() == ColorScheme.DARK;
        });
        choice.subscribe(c -> apply.run());
        scheme.subscribe(s -> apply.run());
    }

    /** StreamFront's own stylesheet, in the binary form made at build time when there is one. */
    static String appStylesheet() {
        String binary = binaryForm("app");
        return binary != null ? binary : Theme.class.getResource("app.css").toExternalForm();
    }

    private static void apply(boolean dark) {
        String binary = binaryForm("theme/" + (dark ? "primer-dark" : "primer-light"));
        Application.setUserAgentStylesheet(binary != null ? binary
                : dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * A stylesheet's binary form made at build time (BinaryThemes), which loads much faster than the
     * text; null without it. (No lambdas: this runs on the way to the first window.)
     */
    private static String binaryForm(String name) {
        URL binary = Theme.class.getResource(name + ".bss");
        return binary == null ? null : binary.toExternalForm();
    }
}
