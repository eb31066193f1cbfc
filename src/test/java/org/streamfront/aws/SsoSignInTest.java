package org.streamfront.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.SsoSimulator;
import org.testfx.util.WaitForAsyncUtils;

/** The IAM Identity Center device flow against the simulator, through the real SDK clients. */
class SsoSignInTest {
    private static final String START = "https://practice.awsapps.com/start";
    private final SsoSimulator sim = SsoSimulator.start();
    private final SsoSignIn sso = new SsoSignIn("us-east-1", sim.uri(), sim.uri());
    private final List<String> status = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        sim.close();
    }

    private CompletableFuture<SsoSignIn.Token> awaitInBackground(SsoSignIn.Device device) {
        CompletableFuture<SsoSignIn.Token> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(sso.await(START, device, status::add));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Test
    void pendingUntilApprovedThenAccountsRolesAndCredentials() throws Exception {
        SsoSignIn.Device device = sso.start(START);
        assertThat(device.userCode()).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
        assertThat(device.verificationUriComplete()).contains(device.userCode());
        var token = awaitInBackground(device);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.stream().anyMatch(s -> s.contains("waiting")));
        assertThat(token).isNotDone();
        sim.approve(device.userCode());
        SsoSignIn.Token t = token.get(10, TimeUnit.SECONDS);
        assertThat(t.expired()).isFalse();
        assertThat(t.toString()).doesNotContain(t.accessToken()).doesNotContain(device.clientSecret());
        assertThat(sso.accounts(t)).extracting(a -> a.accountId()).containsExactly(SsoSimulator.ACCOUNT_ID);
        assertThat(sso.roles(t, SsoSimulator.ACCOUNT_ID)).contains(SsoSimulator.ROLE);
        var session = sso.session(t, SsoSimulator.ACCOUNT_ID, SsoSimulator.ROLE, null);
        assertThat(session.label()).contains(SsoSimulator.ROLE).contains(SsoSimulator.ACCOUNT_ID);
        assertThat(session.credentials().resolveCredentials().accessKeyId()).startsWith("ASIA");
    }

    @Test
    void slowDownMakesThePollingSlower() throws Exception {
        SsoSignIn.Device device = sso.start(START);
        sim.slowDown(device.userCode());
        var token = awaitInBackground(device);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.stream().anyMatch(s -> s.contains("every 6 s")));
        sim.approve(device.userCode());
        assertThat(token.get(20, TimeUnit.SECONDS).accessToken()).isNotBlank();
    }

    @Test
    void deniedAndExpiredSayWhatHappened() throws Exception {
        SsoSignIn.Device denied = sso.start(START);
        sim.deny(denied.userCode());
        assertThatThrownBy(() -> sso.await(START, denied, status::add))
                .isInstanceOf(SsoSignIn.SignInRefused.class).hasMessageContaining("refused in the browser");
        SsoSignIn.Device expired = sso.start(START);
        sim.expire(expired.userCode());
        assertThatThrownBy(() -> sso.await(START, expired, status::add))
                .isInstanceOf(SsoSignIn.SignInRefused.class).hasMessageContaining("expired");
    }

    @Test
    void cancellingStopsTheWaitAtOnce() throws Exception {
        SsoSignIn.Device device = sso.start(START);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiting = Thread.ofVirtual().start(() -> {
            try {
                sso.await(START, device, status::add);
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !status.isEmpty());
        waiting.interrupt();
        assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void theTokenIsCachedInTheAwsCliFormatReadableByTheUserAlone() throws Exception {
        SsoSignIn.Device device = sso.start(START);
        sim.approve(device.userCode());
        SsoSignIn.Token t = sso.await(START, device, status::add);
        Path file = SsoSignIn.saveToken(t, dir.resolve("sso/cache"));
        assertThat(file.getFileName().toString()).isEqualTo(SsoSignIn.sha1(SsoSignIn.sessionName(START)) + ".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        assertThat(json.get("accessToken").asText()).isEqualTo(t.accessToken());
        assertThat(json.get("refreshToken").asText()).isEqualTo(t.refreshToken()).startsWith("sso-refresh-token-");
        assertThat(json.get("startUrl").asText()).isEqualTo(START);
        assertThat(json.get("clientId").asText()).isEqualTo(device.clientId());
        assertThat(Instant.parse(json.get("registrationExpiresAt").asText()))
                .as("from RegisterClient, not invented").isEqualTo(device.registrationExpiresAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(Instant.parse(json.get("expiresAt").asText())).isAfter(Instant.now());
    }

    @Test
    void theAwsSdksOwnSsoProviderUsesTheSavedProfileAndToken() throws Exception {
        SsoSignIn.Device device = sso.start(START);
        sim.approve(device.userCode());
        SsoSignIn.Token t = sso.await(START, device, status::add);
        Path home = dir.resolve("home");
        Path config = home.resolve(".aws/config");
        SsoSignIn.saveToken(t, home.resolve(".aws/sso/cache"));
        AwsConfigFiles.saveSsoProfile(config, "live", START, "eu-central-1", SsoSimulator.ACCOUNT_ID, SsoSimulator.ROLE);

        // The SDK's ProfileCredentialsProvider in its own process, finding the token under HOME as the AWS CLI does.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SdkSsoProbe.class.getName(), "live");
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("AWS_CONFIG_FILE", config.toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/no-credentials").toString());
        pb.environment().put("AWS_ENDPOINT_URL_SSO", sim.uri().toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said.strip()).isEqualTo("ASIAPRACTICESSO00000");
    }
}
