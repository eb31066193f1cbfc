package org.streamfront.ui;

import java.net.URI;
import java.nio.file.Path;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.store.AppDirs;

/**
 * How the app was started: practice mode or real AWS, where its files live, how it asks for files.
 * {@code sharedWorld} lets tests keep one set of simulators across app restarts; the app starts its
 * own otherwise. {@code awsEndpoint} and {@code ssoEndpoint} are null for real AWS; tests point the
 * real-AWS path (STS, CloudFront, IAM Identity Center) at simulators with them. {@code practiceEdge}
 * is the {@code practice} command's edge when real mode runs on its simulators, else null.
 */
public record AppOptions(boolean practice, Path dataHome, FileDialogs dialogs, PracticeWorld sharedWorld,
                         URI awsEndpoint, URI ssoEndpoint, URI practiceEdge) {
    public AppOptions(boolean practice, Path dataHome, FileDialogs dialogs) {
        this(practice, dataHome, dialogs, null, null, null, null);
    }

    public AppOptions(boolean practice, Path dataHome, FileDialogs dialogs, PracticeWorld sharedWorld) {
        this(practice, dataHome, dialogs, sharedWorld, null, null, null);
    }

    public static AppOptions defaults(boolean practice) {
        return new AppOptions(practice, AppDirs.dataHome(), FileDialogs.system(), null, null, null,
                PracticeEdge.fromEnvironment().orElse(null));
    }

    public AppOptions inPractice() {
        return new AppOptions(true, dataHome, dialogs, sharedWorld, awsEndpoint, ssoEndpoint, null);
    }

    public String draftFileName() {
        return practice ? "practice-draft.json" : "draft.json";
    }

    public String historyFileName() {
        return practice ? "practice-history.json" : "history.json";
    }
}
