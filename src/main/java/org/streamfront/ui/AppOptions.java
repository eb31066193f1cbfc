package org.streamfront.ui;

import java.nio.file.Path;
import org.streamfront.store.AppDirs;

/** How the app was started: practice mode or real AWS, where its files live, how it asks for files. */
public record AppOptions(boolean practice, Path dataHome, FileDialogs dialogs) {
    public static AppOptions defaults(boolean practice) {
        return new AppOptions(practice, AppDirs.dataHome(), FileDialogs.system());
    }

    public String draftFileName() {
        return practice ? "practice-draft.json" : "draft.json";
    }
}
