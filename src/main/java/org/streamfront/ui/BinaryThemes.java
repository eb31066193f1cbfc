package org.streamfront.ui;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.css.Stylesheet;

/**
 * Build step (run by Maven after compiling): turns AtlantaFX's Primer stylesheets into JavaFX's
 * binary form. Parsing the 165 KB text theme cold cost ~200 ms at every start; the binary loads in
 * ~75 ms, as JavaFX's own Modena (shipped as .bss) does. StreamFront's own app.css too: small, but
 * the first text stylesheet a JVM reads pays for starting the parser (3.5 KB: 130–180 ms cold,
 * 50–65 ms in binary form).
 */
public final class BinaryThemes {
    static final String[] THEMES = {"primer-light", "primer-dark"};

    private BinaryThemes() {
    }

    /** {@code args[0]}: the classes directory; the themes' .bss files go to org/streamfront/ui/theme/, app.bss beside app.css. */
    public static void main(String[] args) throws IOException {
        Path ui = Path.of(args[0], "org", "streamfront", "ui");
        Stylesheet.convertToBinary(ui.resolve("app.css").toFile(), ui.resolve("app.bss").toFile());
        Path out = ui.resolve("theme");
        Files.createDirectories(out);
        for (String theme : THEMES) {
            Path css = Files.createTempFile(theme, ".css");
            try (InputStream in = BinaryThemes.class.getResourceAsStream("/atlantafx/base/theme/" + theme + ".css")) {
                if (in == null) {
                    throw new IOException("AtlantaFX's " + theme + ".css is not on the class path");
                }
                Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
            }
            File bss = out.resolve(theme + ".bss").toFile();
            Stylesheet.convertToBinary(css.toFile(), bss);
            Files.delete(css);
        }
    }
}
