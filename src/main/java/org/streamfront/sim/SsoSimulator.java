package org.streamfront.sim;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM Identity Center on loopback: SSO-OIDC's device authorization (register, start, token) and the
 * SSO portal (accounts, roles, role credentials), in AWS's JSON protocol. The test plays the user
 * in the browser: {@link #approve}, {@link #deny}, {@link #expire}, or asks the client to slow down.
 */
public final class SsoSimulator implements AutoCloseable {
    public static final String ACCOUNT_ID = CloudFrontSimulator.ACCOUNT_ID;
    public static final String ROLE = "StreamFrontAdmin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Grant { PENDING, APPROVED, DENIED, EXPIRED, SLOW_DOWN }

    private final HttpServer server;
    private final Map<String, Grant> devices = new ConcurrentHashMap<>();
    private final Map<String, String> userCodes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    private volatile int intervalSeconds = 1;

    private SsoSimulator() throws IOException {
        server = SimHttp.start(this::handle);
    }

    public static SsoSimulator start() {
        try {
            return new SsoSimulator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return SimHttp.uri(server);
    }

    /** The polling interval the service asks for. */
    public void interval(int seconds) {
        this.intervalSeconds = seconds;
    }

    /** The user approves the request with this code in the browser. */
    public void approve(String userCode) {
        devices.put(userCodes.get(userCode), Grant.APPROVED);
    }

    public void deny(String userCode) {
        devices.put(userCodes.get(userCode), Grant.DENIED);
    }

    public void expire(String userCode) {
        devices.put(userCodes.get(userCode), Grant.EXPIRED);
    }

    /** The next poll for this code is answered with slow_down. */
    public void slowDown(String userCode) {
        devices.put(userCodes.get(userCode), Grant.SLOW_DOWN);
    }

    /** The code the most recent device authorization showed to the user. */
    public String lastUserCode() {
        return userCodes.keySet().stream().reduce((a, b) -> b).orElse(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        switch (path) {
            case "/client/register" -> ok(exchange, JSON.createObjectNode()
                    .put("clientId", "client-" + UUID.randomUUID()).put("clientSecret", "client-secret-" + UUID.randomUUID())
                    .put("clientIdIssuedAt", Instant.now().getEpochSecond())
                    .put("clientSecretExpiresAt", Instant.now().plusSeconds(90 * 86_400).getEpochSecond()));
            case "/device_authorization" -> {
                String deviceCode = "device-" + UUID.randomUUID();
                String userCode = (UUID.randomUUID().toString().substring(0, 4) + "-" + UUID.randomUUID().toString().substring(0, 4)).toUpperCase(Locale.ROOT);
                devices.put(deviceCode, Grant.PENDING);
                userCodes.put(userCode, deviceCode);
                ok(exchange, JSON.createObjectNode().put("deviceCode", deviceCode).put("userCode", userCode)
                        .put("verificationUri", uri() + "/device").put("verificationUriComplete", uri() + "/device?user_code=" + userCode)
                        .put("expiresIn", 600).put("interval", intervalSeconds));
            }
            case "/token" -> {
                if ("refresh_token".equals(body.path("grantType").asText())) {
                    refresh(exchange, body.path("refreshToken").asText());
                } else {
                    token(exchange, body.path("deviceCode").asText());
                }
            }
            case "/assignment/accounts" -> withToken(exchange, () -> {
                ObjectNode out = JSON.createObjectNode();
                out.putArray("accountList").addObject().put("accountId", ACCOUNT_ID).put("accountName", "Practice broadcasting")
                        .put("emailAddress", "aws@practice.invalid");
                return out;
            });
            case "/assignment/roles" -> withToken(exchange, () -> {
                ObjectNode out = JSON.createObjectNode();
                var roles = out.putArray("roleList");
                roles.addObject().put("roleName", ROLE).put("accountId", ACCOUNT_ID);
                roles.addObject().put("roleName", "ReadOnly").put("accountId", ACCOUNT_ID);
                return out;
            });
            case "/federation/credentials" -> withToken(exchange, () -> {
                ObjectNode out = JSON.createObjectNode();
                out.putObject("roleCredentials").put("accessKeyId", "ASIAPRACTICESSO00000")
                        .put("secretAccessKey", "sso-role-secret-not-real").put("sessionToken", "sso-session-token-not-real")
                        .put("expiration", Instant.now().plusSeconds(3600).toEpochMilli());
                return out;
            });
            default -> error(exchange, 404, "ResourceNotFoundException", "not_found", "Unknown path " + path);
        }
    }

    private void token(HttpExchange exchange, String deviceCode) throws IOException {
        Grant grant = devices.get(deviceCode);
        if (grant == null) {
            error(exchange, 400, "InvalidGrantException", "invalid_grant", "Invalid device code provided");
            return;
        }
        switch (grant) {
            case PENDING -> error(exchange, 400, "AuthorizationPendingException", "authorization_pending", "Authorization is still pending");
            case SLOW_DOWN -> {
                devices.put(deviceCode, Grant.PENDING);
                error(exchange, 400, "SlowDownException", "slow_down", "Client is polling too quickly");
            }
            case DENIED -> error(exchange, 400, "AccessDeniedException", "access_denied", "The user denied the request");
            case EXPIRED -> error(exchange, 400, "ExpiredTokenException", "expired_token", "The device code has expired");
            case APPROVED -> {
                devices.remove(deviceCode);
                issue(exchange);
            }
        }
    }

    private void refresh(HttpExchange exchange, String refreshToken) throws IOException {
        if (refreshTokens.remove(refreshToken) == null) {
            error(exchange, 400, "InvalidGrantException", "invalid_grant", "Invalid refresh token provided");
            return;
        }
        issue(exchange);
    }

    /** A new access token and the refresh token that renews it, as CreateToken answers for sso:account:access. */
    private void issue(HttpExchange exchange) throws IOException {
        String token = "sso-access-token-" + UUID.randomUUID();
        String refresh = "sso-refresh-token-" + UUID.randomUUID();
        tokens.put(token, true);
        refreshTokens.put(refresh, true);
        ok(exchange, JSON.createObjectNode().put("accessToken", token).put("refreshToken", refresh)
                .put("tokenType", "Bearer").put("expiresIn", 28_800));
    }

    private interface Answer {
        JsonNode get();
    }

    private void withToken(HttpExchange exchange, Answer answer) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
        if (token == null || !tokens.containsKey(token)) {
            error(exchange, 401, "UnauthorizedException", "unauthorized", "Session token not found or invalid");
            return;
        }
        ok(exchange, answer.get());
    }

    private static void ok(HttpExchange exchange, JsonNode body) throws IOException {
        SimHttp.sendText(exchange, 200, "application/json", body.toString());
    }

    private static void error(HttpExchange exchange, int status, String type, String error, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        SimHttp.sendText(exchange, status, "application/json",
                JSON.createObjectNode().put("error", error).put("error_description", message).put("message", message).toString());
    }

    @Override
    public void close() {
        SimHttp.stop(server);
    }
}
