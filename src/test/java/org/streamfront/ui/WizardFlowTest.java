package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanJson;
import org.streamfront.ui.wizard.Step;

class WizardFlowTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();

    @AfterEach
    void close() throws Exception {
        user.stop();
    }

    private boolean nextEnabled() {
        return !user.<Button>node("#nav-next").isDisabled();
    }

    private Step current() {
        return user.app.root().wizard().current().get();
    }

    private void fillOrigin() {
        user.click("#nav-next");
        user.type("#origin-domain", "ams.example.com");
        user.type("#stream-id", "stream1");
    }

    @Test
    void walksFromOriginToReviewWithValidInput() throws Exception {
        user.start(home, false);
        assertThat(current()).isEqualTo(Step.ACCOUNT);
        fillOrigin();
        assertThat(current()).isEqualTo(Step.ORIGIN);
        assertThat(nextEnabled()).isTrue();
        user.push(KeyCode.ENTER); // Enter moves on when the step is valid
        assertThat(current()).isEqualTo(Step.CACHE);
        user.click("#nav-next");
        assertThat(current()).isEqualTo(Step.ERROR_PAGES);
        assertThat(user.<CheckBox>node("#error-page-404").isSelected()).isTrue();
        assertThat(user.text("#error-page-ttl-404")).isEqualTo("3");
        user.click("#nav-next");
        assertThat(current()).isEqualTo(Step.REVIEW);
        String summary = user.<VBox>node("#review-summary").getChildren().stream()
                .map(n -> ((Label) n).getText()).reduce("", String::concat);
        assertThat(summary).contains("http://ams.example.com:5080/WebRTCAppEE/streams/stream1.m3u8");
        assertThat(user.text("#review-settings")).contains("\"OriginPath\" : \"/WebRTCAppEE\"");
        assertThat(user.<Button>node("#review-create").isDisabled()).isTrue();
        assertThat(user.text("#review-create-blocker")).contains("Connect your AWS account");
        assertThat(nextEnabled()).isFalse();
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "#origin-domain       | 3.120.1.2                   | does not accept an IP address",
            "#origin-domain       | https://ams.example.com     | Leave out http://",
            "#origin-domain       | ams.example.com/WebRTCAppEE | without a path",
            "#origin-domain       | ''                          | Enter the host name",
            "#origin-http-port    | 99                          | 80, 443 or 1024",
            "#origin-https-port   | ''                          | Enter a port number",
            "#stream-id           | my stream                   | stream id has only",
    })
    void nextIsBlockedWithTheMessageNextToTheField(String field, String input, String message) throws Exception {
        user.start(home, false);
        fillOrigin();
        user.type(field, input);
        assertThat(nextEnabled()).isFalse();
        assertThat(user.text("#nav-blocker")).contains(message);
        Label underField = user.node(field + "-error");
        assertThat(underField.isVisible()).isTrue();
        assertThat(underField.getText()).contains(message);
        user.push(KeyCode.ENTER);
        assertThat(current()).isEqualTo(Step.ORIGIN);
    }

    @Test
    void applicationWithSlashIsRefused() throws Exception {
        user.start(home, false);
        fillOrigin();
        user.type("#origin-application .text-field", "/LiveApp");
        assertThat(nextEnabled()).isFalse();
        assertThat(user.text("#nav-blocker")).contains("without slashes");
    }

    @Test
    void badTtlsBlockTheCacheAndErrorPagesSteps() throws Exception {
        user.start(home, false);
        fillOrigin();
        user.click("#nav-next");
        user.click("#cache-advanced .title");
        user.type("#cache-playlist-ttl", "600");
        assertThat(nextEnabled()).isFalse();
        assertThat(user.text("#nav-blocker")).contains("0 to 60");
        user.click("#cache-use-preset");
        assertThat(nextEnabled()).isTrue();
        user.click("#nav-next");
        user.click("#error-page-503");
        user.type("#error-page-ttl-503", "");
        assertThat(nextEnabled()).isFalse();
        assertThat(user.text("#error-page-503-error")).contains("Error 503").contains("Enter a number of seconds");
    }

    @Test
    void typingIsStillThereAfterTheAppIsKilledAndStartedAgain() throws Exception {
        user.start(home, false);
        fillOrigin();
        user.type("#origin-http-port", "5081");
        Path draft = home.resolve("draft.json");
        AppDriver.await(5, () -> Files.exists(draft) && Files.readString(draft).contains("5081"));
        user.abandon();

        user.start(home, false);
        assertThat(user.<Node>node("#draft-banner").isVisible()).isTrue();
        user.click("#draft-continue");
        assertThat(current()).isEqualTo(Step.ORIGIN);
        assertThat(user.lookup("#draft-banner").tryQuery()).as("the welcome back is answered").isEmpty();
        assertThat(user.text("#origin-domain")).isEqualTo("ams.example.com");
        assertThat(user.text("#origin-http-port")).isEqualTo("5081");
        assertThat(user.text("#stream-id")).isEqualTo("stream1");
    }

    @Test
    void movingOnWithoutAnsweringAlsoPutsTheWelcomeBackAway() throws Exception {
        user.start(home, false);
        fillOrigin();
        user.stop();
        user.start(home, false);
        assertThat(user.<Node>node("#draft-banner").isVisible()).isTrue();
        user.click("#nav-next");
        assertThat(user.lookup("#draft-banner").tryQuery()).isEmpty();
        assertThat(user.text("#origin-domain")).as("the draft stays restored").isEqualTo("ams.example.com");
    }

    @Test
    void startOverClearsTheRestoredDraft() throws Exception {
        user.start(home, false);
        fillOrigin();
        user.stop();
        user.start(home, false);
        user.click("#draft-start-over");
        assertThat(user.lookup("#draft-banner").tryQuery()).isEmpty();
        user.click("#nav-next");
        assertThat(user.text("#origin-domain")).isEmpty();
    }

    @Test
    void savePlanThenOpenPlanGivesTheSamePlan() throws Exception {
        user.start(home, false);
        fillOrigin();
        user.type("#plan-name", "Sunday service");
        user.click("#origin-protocol-match-viewer");
        Path file = home.resolve("sunday.json");
        user.dialogs.willChoose(file);
        user.click("#toolbar-save");
        assertThat(user.text("#notice")).contains("Saved");
        Plan saved = PlanJson.read(file);
        assertThat(saved.origin().protocol()).isEqualTo("match-viewer");
        assertThat(saved.planId()).startsWith("sf-");

        user.type("#origin-domain", "other.example.com");
        user.dialogs.willChoose(file);
        user.click("#toolbar-open");
        assertThat(user.text("#origin-domain")).isEqualTo("ams.example.com");
        assertThat(user.app.root().form().toPlan()).isEqualTo(saved);
    }
}
