package org.streamfront.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.streamfront.Messages;
import org.streamfront.store.AtomicFiles;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
    public static final String SESSION_NAME = "streamfront";

    /** What the user must approve: the code, and where. Holds the client secret: never shown or logged. */
    public record Device(String clientId, String clientSecret, String deviceCode, String userCode,
                         String verificationUri, String verificationUriComplete, Duration interval, Instant expiresAt) {
        @Override
        public String toString() {
            return "Device[userCode=" + userCode + ", verificationUri=" + verificationUri + "]";
        }
    }

    /** An approved sign-in; its access token is a secret. */
    public record Token(String startUrl, String region, String accessToken, Instant expiresAt, Device device) {
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
        var b = SsoOidcClient.builder().region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (oidcEndpoint != null) {
            b.endpointOverride(oidcEndpoint);
        }
        return b.build();
    }

    private SsoClient portal() {
        var b = SsoClient.builder().region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (portalEndpoint != null) {
            b.endpointOverride(portalEndpoint);
        }
        return b.build();
    }

    public Device start(String startUrl) {
        try (var client = oidc()) {
            var registered = client.registerClient(r -> r.clientName("StreamFront").clientType("public")
                    .scopes("sso:account:access"));
            var started = client.startDeviceAuthorization(r -> r.clientId(registered.clientId())
                    .clientSecret(registered.clientSecret()).startUrl(startUrl));
            return new Device(registered.clientId(), registered.clientSecret(), started.deviceCode(), started.userCode(),
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
                    return new Token(startUrl, region, token.accessToken(),
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
     * Caches the token as the AWS CLI does for an sso-session ({@code ~/.aws/sso/cache/<sha1 of the
     * session name>.json}), readable by the user alone, so the CLI and StreamFront share it.
     */
    public static Path saveToken(Token token, Path ssoCacheDir) throws Exception {
        String json = "{\n"
                + "  \"startUrl\": \"" + token.startUrl() + "\",\n"
                + "  \"region\": \"" + token.region() + "\",\n"
                + "  \"accessToken\": \"" + token.accessToken() + "\",\n"
                + "  \"expiresAt\": \"" + token.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\",\n"
                + "  \"clientId\": \"" + token.device().clientId() + "\",\n"
                + "  \"clientSecret\": \"" + token.device().clientSecret() + "\",\n"
                + "  \"registrationExpiresAt\": \"" + token.expiresAt().plus(Duration.ofDays(80))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"\n"
                + "}\n";
        Path file = ssoCacheDir.resolve(sha1(SESSION_NAME) + ".json");
        AtomicFiles.write(file, json, true);
        return file;
    }

    static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
