package org.streamfront.ui;

import java.net.URI;
import java.nio.file.Path;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.store.AppDirs;
import org.streamfront.update.BuildInfo;

/**
 * How the app was started: practice mode or real AWS, where its files live, how it asks for files.
 * {@code sharedWorld} lets tests keep one set of simulators across app restarts; the app starts its
 * own otherwise. {@code awsEndpoint} and {@code ssoEndpoint} are null for real AWS; tests point the
 * real-AWS path (STS, CloudFront, IAM Identity Center) at simulators with them. {@code practiceEdge}
 * is the {@code practice} command's edge when real mode runs on its simulators, else null.
 * {@code updateFeed} is the release feed asked for newer versions after start (null: none asked).
 */
public record AppOptions(boolean practice, Path dataHome, FileDialogs dialogs, PracticeWorld sharedWorld,
                         URI awsEndpoint, URI ssoEndpoint, URI practiceEdge, URI updateFeed) {
    public AppOptions(boolean practice, Path dataHome, FileDialogs dialogs, PracticeWorld sharedWorld,
                      URI awsEndpoint, URI ssoEndpoint, URI practiceEdge) {
        this(practice, dataHome, dialogs, sharedWorld, awsEndpoint, ssoEndpoint, practiceEdge, null);
    }

    public AppOptions(boolean practice, Path dataHome, FileDialogs dialogs) {
        this(practice, dataHome, dialogs, null, null, null, null);
    }

    public AppOptions(boolean practice, Path dataHome, FileDialogs dialogs, PracticeWorld sharedWorld) {
        this(practice, dataHome, dialogs, sharedWorld, null, null, null);
    }

    public static AppOptions defaults(boolean practice) {
        // Practice mode asks no release feed unless one was named for the run (STREAMFRONT_UPDATE_URL).
        URI feed = practice && !BuildInfo.feedOverridden() ? null : BuildInfo.feed().orElse(null);
        return new AppOptions(practice, AppDirs.dataHome(), FileDialogs.system(), null, null, null,
                PracticeEdge.fromEnvironment().orElse(null), feed);
    }

    public AppOptions inPractice() {
        return new AppOptions(true, dataHome, dialogs, sharedWorld, awsEndpoint, ssoEndpoint, null, updateFeed);
    }

    /** The same start with a release feed to ask (tests). */
    public AppOptions withUpdateFeed(URI feed) {
        return new AppOptions(practice, dataHome, dialogs, sharedWorld, awsEndpoint, ssoEndpoint, practiceEdge, feed);
    }

    public String draftFileName() {
        return practice ? "practice-draft.json" : "draft.json";
    }

    public String historyFileName() {
        return practice ? "practice-history.json" : "history.json";
    }
}
