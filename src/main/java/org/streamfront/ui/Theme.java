package org.streamfront.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;

/** AtlantaFX's Primer theme, light or dark as the OS prefers, following it when it changes. */
public final class Theme {
    private Theme() {
    }

    public static void followSystem() {
        var scheme = Platform.getPreferences().colorSchemeProperty();
        scheme.subscribe(Theme::apply);
    }

    private static void apply(ColorScheme scheme) {
        boolean dark = scheme == ColorScheme.DARK;
        // The binary form made at build time (BinaryThemes) loads much faster; the text one is the fallback.
        var binary = Theme.class.getResource("theme/" + (dark ? "primer-dark" : "primer-light") + ".bss");
        Application.setUserAgentStylesheet(binary != null ? binary.toExternalForm()
                : dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
