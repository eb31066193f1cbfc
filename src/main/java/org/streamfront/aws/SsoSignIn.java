package org.streamfront.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.streamfront.Messages;
import org.streamfront.store.AtomicFiles;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;

/**
 * Sign-in with IAM Identity Center as the AWS CLI does it: register a client, start a device
 * authorization, let the user approve the code in a browser, poll for the token at the pace the
 * service asks, then pick an account and role. Tokens are cached where the AWS CLI keeps them.
 */
public final class SsoSignIn {

    /** What the user must approve: the code, and where. Holds the client secret: never shown or logged. */
    public record Device(String clientId, String clientSecret, Instant registrationExpiresAt, String deviceCode, String userCode,
                         String verificationUri, String verificationUriComplete, Duration interval, Instant expiresAt) {
        @Override
        public String toString() {
            return "Device[userCode=" + userCode + ", verificationUri=" + verificationUri + "]";
        }
    }

    /** An approved sign-in; its access token is a secret. */
    public record Token(String startUrl, String region, String accessToken, String refreshToken, Instant expiresAt, Device device) {
        @Override
        public String toString() {
            return "Token[startUrl=" + startUrl + ", region=" + region + ", expiresAt=" + expiresAt + "]";
        }

        public boolean expired() {
            return Instant.now().isAfter(expiresAt);
        }
    }

    /** The user said no in the browser, or waited too long. */
    public static final class SignInRefused extends Exception {
        public SignInRefused(String message) {
            super(message);
        }
    }

    private final String region;
    private final URI oidcEndpoint;
    private final URI portalEndpoint;

    /** Endpoints are null for the real service; practice mode and tests point them at the simulator. */
    public SsoSignIn(String region, URI oidcEndpointOrNull, URI portalEndpointOrNull) {
        this.region = region;
        this.oidcEndpoint = oidcEndpointOrNull;
        this.portalEndpoint = portalEndpointOrNull;
    }

    private SsoOidcClient oidc() {
        return AwsClients.ssoOidc(Region.of(region), oidcEndpoint);
    }

    private SsoClient portal() {
        return AwsClients.sso(Region.of(region), portalEndpoint);
    }

    public Device start(String startUrl) {
        try (var client = oidc()) {
            var registered = client.registerClient(r -> r.clientName("StreamFront").clientType("public")
                    .scopes("sso:account:access"));
            var started = client.startDeviceAuthorization(r -> r.clientId(registered.clientId())
                    .clientSecret(registered.clientSecret()).startUrl(startUrl));
            Instant registrationExpires = registered.clientSecretExpiresAt() == null || registered.clientSecretExpiresAt() == 0
                    ? null : Instant.ofEpochSecond(registered.clientSecretExpiresAt());
            return new Device(registered.clientId(), registered.clientSecret(), registrationExpires, started.deviceCode(), started.userCode(),
                    started.verificationUri(), started.verificationUriComplete(),
                    Duration.ofSeconds(Math.max(1, started.interval() == null ? 5 : started.interval())),
                    Instant.now().plusSeconds(started.expiresIn() == null ? 600 : started.expiresIn()));
        }
    }

    /**
     * Polls until the user approves (returns the token), refuses or lets the code expire
     * (SignInRefused), or the thread is interrupted (Cancel). Each wait is reported to {@code status}.
     */
    public Token await(String startUrl, Device device, Consumer<String> status) throws Exception {
        Duration interval = device.interval();
        try (var client = oidc()) {
            while (true) {
                if (Instant.now().isAfter(device.expiresAt())) {
                    throw new SignInRefused(Messages.get("sso.expired"));
                }
                try {
                    var token = client.createToken(r -> r.clientId(device.clientId()).clientSecret(device.clientSecret())
                            .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode(device.deviceCode()));
                    return new Token(startUrl, region, token.accessToken(), token.refreshToken(),
                            Instant.now().plusSeconds(token.expiresIn() == null ? 3600 : token.expiresIn()), device);
                } catch (AuthorizationPendingException pending) {
                    status.accept(Messages.get("sso.waiting"));
                } catch (SlowDownException slow) {
                    interval = interval.plusSeconds(5);
                    status.accept(Messages.get("sso.slowDown", interval.toSeconds()));
                } catch (software.amazon.awssdk.services.ssooidc.model.AccessDeniedException denied) {
                    throw new SignInRefused(Messages.get("sso.denied"));
                } catch (software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException expired) {
                    throw new SignInRefused(Messages.get("sso.expired"));
                }
                Thread.sleep(interval);
            }
        }
    }

    public List<AccountInfo> accounts(Token token) {
        try (var client = portal()) {
            return client.listAccountsPaginator(r -> r.accessToken(token.accessToken())).accountList().stream().toList();
        }
    }

    public List<String> roles(Token token, String accountId) {
        try (var client = portal()) {
            return client.listAccountRolesPaginator(r -> r.accessToken(token.accessToken()).accountId(accountId))
                    .roleList().stream().map(RoleInfo::roleName).toList();
        }
    }

    /** A session with the role's short-lived credentials, kept in memory only. */
    public AwsSession session(Token token, String accountId, String role, URI endpointOrNull) {
        try (var client = portal()) {
            var c = client.getRoleCredentials(r -> r.accessToken(token.accessToken()).accountId(accountId).roleName(role))
                    .roleCredentials();
            var credentials = AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                    .sessionToken(c.sessionToken()).expirationTime(Instant.ofEpochMilli(c.expiration())).build();
            return new AwsSession(Messages.get("account.ssoSession", role, accountId),
                    StaticCredentialsProvider.create(credentials), endpointOrNull);
        }
    }

    /**
     * The sso-session name for a start URL: one per start URL, so saving a second organisation's
     * sign-in never repoints the profiles of the first. Readable (the portal's host) and unique (a hash).
     */
    public static String sessionName(String startUrl) {
        String host = URI.create(startUrl.strip()).getHost();
        String label = host == null ? "portal" : host.split("\\.")[0].replaceAll("[^A-Za-z0-9-]", "");
        return "streamfront-" + label + "-" + sha1(startUrl.strip()).substring(0, 8);
    }

    /**
     * Caches the token as the AWS CLI does for an sso-session ({@code sso/cache/<sha1 of the session
     * name>.json}, the CLI's field names), readable by the user alone, so the CLI, the SDKs and
     * StreamFront share it.
     */
    public static Path saveToken(Token token, Path ssoCacheDir) throws IOException {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("startUrl", token.startUrl())
                .put("region", token.region())
                .put("accessToken", token.accessToken())
                .put("expiresAt", token.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("clientId", token.device().clientId())
                .put("clientSecret", token.device().clientSecret());
        if (token.device().registrationExpiresAt() != null) {
            json.put("registrationExpiresAt", token.device().registrationExpiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (token.refreshToken() != null) {
            json.put("refreshToken", token.refreshToken());
        }
        Path file = tokenFile(ssoCacheDir, token.startUrl());
        AtomicFiles.write(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json), true);
        return file;
    }

    /** The AWS CLI's cache file for a start URL's sso-session: the SHA-1 of the session name. */
    public static Path tokenFile(Path ssoCacheDir, String startUrl) {
        return ssoCacheDir.resolve(sha1(sessionName(startUrl)) + ".json");
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
