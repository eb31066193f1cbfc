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
        Application.setUserAgentStylesheet(scheme == ColorScheme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
