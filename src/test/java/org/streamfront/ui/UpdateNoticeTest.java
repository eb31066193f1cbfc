package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.store.Settings;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Reply;

/** The update line: a newer release named a few seconds after start, with a way to download it and one to stop asking. */
class UpdateNoticeTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));
    final ScriptedServer feed = new ScriptedServer();

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
        feed.close();
    }

    @Test
    void aNewerReleaseIsOfferedQuietlyAfterStart() throws Exception {
        feed.on("/releases", Reply.of(200, "[{\"tag_name\": \"v99.1.0\", \"html_url\": \"https://example.org/releases/v99.1.0\","
                + " \"draft\": false, \"prerelease\": false}]", "Content-Type", "application/json"));
        user.startPractice(home, world, feed.url("/releases"));
        assertThat(user.lookup("#update-banner").tryQuery()).as("never on the start-up path").isEmpty();
        AppDriver.await(20, () -> user.lookup("#update-banner").tryQuery().isPresent());
        assertThat(((Label) user.<HBox>node("#update-banner").getChildren().getFirst()).getText()).isEqualTo("StreamFront 99.1.0 is out.");
        assertThat(user.text("#update-download").replace("_", "")).isEqualTo("Download");
        assertThat(user.text("#update-turn-off")).isEqualTo("Don\u2019t check for updates");
    }

    @Test
    void turningTheCheckOffIsKept() throws Exception {
        feed.on("/releases", Reply.of(200, "[{\"tag_name\": \"v99.1.0\", \"html_url\": \"https://example.org/r\","
                + " \"draft\": false, \"prerelease\": false}]", "Content-Type", "application/json"));
        user.startPractice(home, world, feed.url("/releases"));
        AppDriver.await(20, () -> user.lookup("#update-banner").tryQuery().isPresent());
        user.click("#update-turn-off");
        AppDriver.await(5, () -> user.lookup("#update-banner").tryQuery().isEmpty());
        AppDriver.await(5, () -> Files.exists(home.resolve("settings.json")));
        assertThat(new Settings(home.resolve("settings.json")).updateCheck()).isFalse();
    }
}
