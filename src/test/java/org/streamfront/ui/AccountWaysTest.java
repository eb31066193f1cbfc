package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.aws.AwsConfigFiles;
import org.streamfront.aws.AwsSession;
import org.streamfront.aws.SsoSignIn;
import org.streamfront.sim.CloudFrontSimulator;
import org.streamfront.sim.SsoSimulator;
import org.streamfront.ui.wizard.Step;

/** Each way into AWS on the Account step, end to end through to the identity shown; and secrets stay secret. */
class AccountWaysTest {
    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-STREAMFRONT-TEST-SECRET";
    @TempDir
    Path home;
    @TempDir
    Path awsDir;
    final AppDriver user = new AppDriver();
    final CloudFrontSimulator aws = CloudFrontSimulator.start();
    final SsoSimulator sso = SsoSimulator.start();
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler logs = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage() + " " + (r.getParameters() == null ? "" : List.of(r.getParameters()))
                    + " " + (r.getThrown() == null ? "" : r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void isolate() {
        System.setProperty("aws.configFile", awsDir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", awsDir.resolve("credentials").toString());
        Logger.getLogger("").addHandler(logs);
    }

    @AfterEach
    void close() throws Exception {
        user.stop();
        aws.close();
        sso.close();
        Logger.getLogger("").removeHandler(logs);
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    private void signedIn() throws Exception {
        try {
            AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
        } catch (TimeoutException e) {
            throw new AssertionError("identity: " + user.text("#account-identity") + " error: " + user.text("#account-error-summary") + " / " + user.text("#account-error-advice"));
        }
        assertThat(user.lookup("#account-ok").query().isVisible()).isTrue();
    }

    private void keysWayIn(boolean save) throws Exception {
        user.click("#account-way-keys");
        user.type("#account-key-id", "AKIAEXAMPLEKEY000001");
        user.type("#account-secret", SECRET);
        if (save) {
            user.click("#account-save-keys");
        }
        user.click("#account-connect-keys");
        signedIn();
    }

    @Test
    void accessKeysConnectAndUnlockCreate() throws Exception {
        user.startReal(home, aws.uri(), sso.uri());
        keysWayIn(false);
        assertThat(user.text("#account-identity")).contains("user practice");
        assertThat(user.lookup("#account-metrics").query().isVisible()).as("nothing missing").isFalse();
        user.click("#nav-next");
        user.type("#origin-domain", "ams.example.com");
        for (int i = 0; i < 3; i++) {
            user.click("#nav-next");
        }
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.REVIEW);
        assertThat(user.<Button>node("#review-create").isDisabled()).isFalse();
    }

    @Test
    void aSignInWithoutCloudWatchOrAcmStillConnectsAndSaysWhatTheOptionalStepsWillNeed() throws Exception {
        aws.deny("GetMetricData");
        aws.deny("ListCertificates");
        user.startReal(home, aws.uri(), sso.uri());
        keysWayIn(false);
        AppDriver.await(10, () -> user.lookup("#account-metrics").query().isVisible());
        AppDriver.await(10, () -> user.text("#account-metrics-note").contains("acm:ListCertificates"));
        assertThat(user.text("#account-metrics-note")).contains("cloudwatch:GetMetricData").contains("Own address step");
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.ACCOUNT);
        user.click("#nav-next");
        assertThat(user.app.root().wizard().current().get()).as("the sign-in still works").isEqualTo(Step.ORIGIN);
    }

    @Test
    void identityCenterSignInShowsTheCodeThenTheRolesAndSavesAProfileOnRequest() throws Exception {
        user.startReal(home, aws.uri(), sso.uri());
        user.click("#account-way-sso");
        user.type("#account-sso-url", "https://practice.awsapps.com/start");
        user.click("#account-sso-sign-in");
        AppDriver.await(10, () -> user.text("#account-sso-code").matches("[A-Z0-9]{4}-[A-Z0-9]{4}"));
        AppDriver.await(10, () -> user.text("#account-sso-status").contains("approv"));
        sso.approve(user.text("#account-sso-code"));
        AppDriver.await(15, () -> user.text("#account-sso-status").startsWith("Signed in"));
        AppDriver.await(10, () -> SsoSimulator.ROLE.equals(user.<ComboBox<String>>node("#account-sso-role").getValue()));
        user.click("#account-save-sso");
        user.click("#account-sso-use");
        signedIn();
        assertThat(Files.readString(awsDir.resolve("config"))).contains("[profile streamfront]").contains("sso_role_name = " + SsoSimulator.ROLE);
        // Where the AWS CLI and SDKs look (under HOME, which the build points into target/), one file per start URL.
        Path token = SsoSignIn.tokenFile(AwsConfigFiles.ssoCacheDir(), "https://practice.awsapps.com/start");
        assertThat(token).exists();
        assertThat(token.toString()).startsWith(System.getenv("HOME"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
    }

    @Test
    void deniedSignInSaysSoAndCanBeTriedAgain() throws Exception {
        user.startReal(home, aws.uri(), sso.uri());
        user.click("#account-way-sso");
        user.type("#account-sso-url", "https://practice.awsapps.com/start");
        user.click("#account-sso-sign-in");
        AppDriver.await(10, () -> !user.text("#account-sso-code").isEmpty());
        sso.deny(user.text("#account-sso-code"));
        AppDriver.await(15, () -> user.text("#account-error-summary").contains("refused"));
        assertThat(user.<Button>node("#account-sso-sign-in").isDisabled()).isFalse();
    }

    @Test
    void aProfileFromThisComputerConnects() throws Exception {
        Files.writeString(awsDir.resolve("credentials"), "[fixture]\naws_access_key_id = AKIAFIXTURE\naws_secret_access_key = fixture-secret\n");
        user.startReal(home, aws.uri(), sso.uri());
        AppDriver.await(10, () -> user.lookup("#account-session").tryQuery().isPresent());
        ComboBox<AwsSession> chooser = user.node("#account-session");
        assertThat(chooser.getItems()).extracting(AwsSession::label).anySatisfy(l -> assertThat(l).contains("fixture").contains("access keys"));
        user.clickOn(chooser);
        user.clickOn(chooser.getItems().stream().filter(s -> s.label().contains("fixture")).findFirst().orElseThrow().label());
        user.click("#account-connect");
        signedIn();
    }

    @Test
    void theSecretKeyIsWrittenNowhereUnlessAskedAndThenOnlyToTheCredentialsFile() throws Exception {
        user.startReal(home, aws.uri(), sso.uri());
        keysWayIn(false);
        user.click("#nav-next");
        user.type("#origin-domain", "ams.example.com");
        user.dialogs.willChoose(home.resolve("plan.json"));
        user.click("#toolbar-save");
        for (int i = 0; i < 3; i++) {
            user.click("#nav-next");
        }
        user.dialogs.willChoose(home.resolve("export.json"));
        user.click("#review-export-cli");
        user.stop();
        assertThat(filesContaining(home, SECRET)).isEmpty();
        assertThat(filesContaining(awsDir, SECRET)).isEmpty();
        assertThat(Files.exists(home.resolve("plan.json"))).isTrue();
        assertThat(logged).noneSatisfy(l -> assertThat(l).contains(SECRET));

        user.startReal(home, aws.uri(), sso.uri());
        keysWayIn(true);
        AppDriver.await(5, () -> user.text("#account-notice").contains("Saved as profile"));
        user.stop();
        Path credentials = awsDir.resolve("credentials");
        assertThat(filesContaining(awsDir, SECRET)).containsExactly(credentials);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(filesContaining(home, SECRET)).isEmpty();
        assertThat(logged).noneSatisfy(l -> assertThat(l).contains(SECRET));
    }

    private static List<Path> filesContaining(Path root, String secret) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }
}
