package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Reply;
import org.streamfront.update.BuildInfo;

/** `streamfront version --check` in its own process, against a local release feed named by STREAMFRONT_UPDATE_URL. */
class VersionCheckCommandTest {
    @TempDir
    Path home;

    private CommandProcess check(ScriptedServer feed) throws Exception {
        return CommandProcess.run(home, Map.of(BuildInfo.FEED_VARIABLE, feed.url("/releases").toString()), "version", "--check");
    }

    private static String release(String tag) {
        return "[{\"tag_name\": \"v" + tag + "\", \"html_url\": \"https://example.org/releases/v" + tag + "\", \"draft\": false, \"prerelease\": false}]";
    }

    @Test
    void aNewerVersionIsNamedTheSameOneIsUpToDateAndGarbageFailsPlainly() throws Exception {
        String current = BuildInfo.version();
        try (ScriptedServer feed = new ScriptedServer()) {
            feed.on("/releases", Reply.of(200, release("99.0.0"), "Content-Type", "application/json"));
            CommandProcess newer = check(feed);
            assertThat(newer.exit()).isZero();
            assertThat(newer.out().strip()).isEqualTo("StreamFront " + current + "; newer: 99.0.0 at https://example.org/releases/v99.0.0");

            feed.on("/releases", Reply.of(200, release(current), "Content-Type", "application/json"));
            CommandProcess same = check(feed);
            assertThat(same.exit()).isZero();
            assertThat(same.out().strip()).isEqualTo("StreamFront " + current + "; up to date");

            feed.on("/releases", Reply.of(200, "<html>Too many requests</html>", "Content-Type", "text/html"));
            CommandProcess garbage = check(feed);
            assertThat(garbage.exit()).isEqualTo(1);
            assertThat(garbage.err().strip()).isEqualTo("The release feed did not answer with a list of releases.");
            assertThat(garbage.out()).isEmpty();
        }
    }

    @Test
    void withoutAFeedTheCheckSaysSoAndThePlainVersionStillPrints() throws Exception {
        CommandProcess noFeed = CommandProcess.run(home, Map.of(), "version", "--check");
        assertThat(noFeed.exit()).isEqualTo(1);
        assertThat(noFeed.err().strip()).isEqualTo("This build has no release feed to ask; set STREAMFRONT_UPDATE_URL to one.");
        CommandProcess plain = CommandProcess.run(home, Map.of(), "version");
        assertThat(plain.exit()).isZero();
        assertThat(plain.out().strip()).isEqualTo("StreamFront " + BuildInfo.version());
    }
}
