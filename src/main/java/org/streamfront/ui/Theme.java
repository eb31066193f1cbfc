package org.streamfront.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
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
        var binary = Theme.class.getResource("app.bss");
        return (binary != null ? binary : Theme.class.getResource("app.css")).toExternalForm();
    }

    private static void apply(boolean dark) {
        // The binary form made at build time (BinaryThemes) loads much faster; the text one is the fallback.
        var binary = Theme.class.getResource("theme/" + (dark ? "primer-dark" : "primer-light") + ".bss");
        Application.setUserAgentStylesheet(binary != null ? binary.toExternalForm()
                : dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
