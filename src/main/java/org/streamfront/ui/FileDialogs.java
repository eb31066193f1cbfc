package org.streamfront.ui;

import java.util.Locale;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where the user picks a file. The app uses the OS dialogs; a headless test answers for the user. */
public interface FileDialogs {
    Optional<Path> save(Window owner, String title, String suggestedName, String extension);

    Optional<Path> open(Window owner, String title, String extension);

    /** The OS's own dialogs. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Optional<Path> save(Window owner, String title, String suggestedName, String extension) {
                var chooser = chooser(title, extension);
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> open(Window owner, String title, String extension) {
                return Optional.ofNullable(chooser(title, extension).showOpenDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title, String extension) {
                var chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                        extension.toUpperCase(Locale.ROOT) + " (*." + extension + ")", "*." + extension));
                return chooser;
            }
        };
    }
}
