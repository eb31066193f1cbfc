package org.streamfront.ui;

import java.nio.file.Path;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.store.AppDirs;

/**
 * How the app was started: practice mode or real AWS, where its files live, how it asks for files.
 * {@code sharedWorld} lets tests keep one set of simulators across app restarts; the app starts its own otherwise.
 */
public record AppOptions(boolean practice, Path dataHome, FileDialogs dialogs, PracticeWorld sharedWorld) {
    public AppOptions(boolean practice, Path dataHome, FileDialogs dialogs) {
        this(practice, dataHome, dialogs, null);
    }

    public static AppOptions defaults(boolean practice) {
        return new AppOptions(practice, AppDirs.dataHome(), FileDialogs.system(), null);
    }

    public AppOptions inPractice() {
        return new AppOptions(true, dataHome, dialogs, sharedWorld);
    }

    public String draftFileName() {
        return practice ? "practice-draft.json" : "draft.json";
    }

    public String historyFileName() {
        return practice ? "practice-history.json" : "history.json";
    }
}
