package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.ui.wizard.Step;

/**
 * "Who may watch" in the wizard, practice mode, as a user clicks it: viewers with a token, a secret
 * made and shown once, Review saying plainly what is guarded and what is not, the Deploy step showing
 * CloudFront's three test answers, and the Play step playing with a fresh token and proving the edge
 * refuses viewers without one while those with one share one cached copy.
 */
class ViewerTokensStepTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(1));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    @Test
    void viewersWithATokenFromTheCacheStepToTheProofOnThePlayStep() throws Exception {
        user.startPractice(home, world);
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
        user.click("#nav-next");
        AppDriver.await(5, () -> user.text("#origin-domain").equals("localhost"));
        user.click("#nav-next");
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.CACHE);

        user.click("#access-mode-token");
        assertThat(user.<Node>node("#cache-query-strings").isDisabled()).as("query strings leave the cache key").isTrue();
        assertThat(user.<javafx.scene.control.RadioButton>node("#cache-query-strings-none").isSelected()).as("forward none, chosen for the user").isTrue();
        user.click("#nav-next");
        assertThat(user.app.root().wizard().current().get()).as("no secret yet: the step says so and stays").isEqualTo(Step.CACHE);

        user.click("#access-make");
        AppDriver.await(5, () -> !user.text("#access-made-secret").isEmpty());
        String secret = user.text("#access-made-secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        AppDriver.await(5, () -> user.<Label>node("#access-kept").isVisible());
        Path kept;
        try (Stream<Path> files = Files.list(home.resolve("secrets"))) {
            kept = files.findFirst().orElseThrow();
        }
        assertThat(Files.readString(kept).strip()).isEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");

        user.click("#nav-next");
        user.click("#nav-next");
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.REVIEW);
        AppDriver.await(5, () -> AppDriver.onFx(() -> user.lookup("#review-summary .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("Viewers need a token at CloudFront. Your server itself is still open on port"))));
        assertThat(user.text("#review-settings")).as("the secret in no export").doesNotContain(secret);

        AppDriver.await(10, () -> !user.<Button>node("#review-create").isDisabled());
        user.click("#review-create");
        AppDriver.await(20, () -> user.text("#deploy-status").startsWith("Deployed"));
        List<String> log = AppDriver.onFx(() -> List.copyOf(user.<ListView<String>>node("#deploy-log").getItems()));
        assertThat(log).anyMatch(l -> l.contains("a valid token: let through \u2713"))
                .anyMatch(l -> l.contains("an expired token: refused (403) \u2713"))
                .anyMatch(l -> l.contains("a forged token: refused (403) \u2713"))
                .noneMatch(l -> l.contains(secret));

        user.click("#nav-next");
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.PLAY);
        AppDriver.await(10, () -> user.text("#play-url").contains("/t/"));
        assertThat(user.text("#play-url")).endsWith("/streams/stream1.m3u8");
        AppDriver.await(20, () -> PlayStepTest.showsVideo(user));
        user.click("#play-run-checks");
        AppDriver.await(30, () -> user.lookup("#play-checks-access #check-token-shared").tryQuery().isPresent()
                && user.lookup("#play-checks-cdn #check-cors").tryQuery().isPresent());
        assertThat(user.text("#play-checks-access #check-token-needed")).contains("refused at CloudFront\u2019s edge (HTTP 401)");
        assertThat(user.text("#play-checks-access #check-token-shared")).contains("share one copy");
        assertThat(user.text("#play-checks-cdn #check-cache")).contains("from its cache");

        user.click("#play-developer .title");
        AppDriver.await(5, () -> user.lookup("#play-developer-js .text-area").tryQuery().isPresent());
        assertThat(user.text("#play-developer-js .text-area")).contains("viewerToken('stream1')", "createHmac('sha256'")
                .doesNotContain(secret);

        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(kept)).toList()) {
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the secret in no other file: " + f)
                        .doesNotContain(secret);
            }
        }
    }

    @Test
    void aPastedSecretMustBeOneAmsAcceptsAndIsKeptOnlyInItsFile() throws Exception {
        user.startPractice(home, world);
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
        user.click("#nav-next");
        user.click("#nav-next");
        user.click("#access-mode-token");
        user.click("#access-secret-source-paste");
        user.type("#access-paste", "too-short");
        AppDriver.await(5, () -> AppDriver.onFx(() -> user.lookup(".field-error").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().contains("at least 32 characters") && l.getText().contains("this one has 9"))));
        user.click("#access-use");
        assertThat(user.<Label>node("#access-kept").isVisible()).as("nothing kept").isFalse();
        assertThat(Files.exists(home.resolve("secrets"))).isFalse();

        String amsSecret = "my-ams-application-jwt-secret-0123456789";
        user.type("#access-paste", amsSecret);
        user.click("#access-use");
        AppDriver.await(5, () -> user.<Label>node("#access-kept").isVisible());
        assertThat(user.text("#access-paste")).as("the field forgets it once kept").isEmpty();
        try (Stream<Path> files = Files.list(home.resolve("secrets"))) {
            assertThat(files.map(f -> {
                try {
                    return Files.readString(f).strip();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList()).containsExactly(amsSecret);
        }
        user.click("#nav-next");
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.ERROR_PAGES);
    }
}
