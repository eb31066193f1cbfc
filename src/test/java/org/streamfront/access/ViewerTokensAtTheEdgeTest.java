package org.streamfront.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.services.DeployServices;
import org.streamfront.sim.PracticeWorld;

/**
 * A plan whose viewers need a token, deployed through the real SDK to the practice CloudFront and
 * watched through its edge as a player would: refused without a valid token for the stream, played
 * with one (segments resolved against the playlist's address), one cached copy for every viewer.
 */
class ViewerTokensAtTheEdgeTest {
    static PracticeWorld world;
    static DeployServices services;
    static Snapshot made;
    static String secret;
    static URI base;
    static Plan plan;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void deploy(@TempDir Path dir) throws Exception {
        world = PracticeWorld.start(Duration.ofMillis(200));
        services = new DeployServices(PracticeWorld.CREDENTIALS, world.api.uri(), dir.resolve("history.json"), DeployWatcher.standard(),
                host -> world.edge.addressOf(host));
        plan = PlanIds.ensure(world.examplePlan()).withAccess(new Plan.Access(Plan.Access.TOKEN));
        Path secretFile = dir.resolve("viewers.secret");
        assertThat(TokenSecret.ensure(secretFile)).isTrue();
        services.useSecretFile(secretFile);
        secret = TokenSecret.read(secretFile);
        StringBuilder log = new StringBuilder();
        made = services.distributions().create(plan, line -> log.append(line).append('\n'));
        assertThat(log).contains("a valid token: let through \u2713", "an expired token: refused (403) \u2713", "a forged token: refused (403) \u2713");
        assertThat(log.toString()).doesNotContain(secret);
        base = world.edge.addressOf(made.domain());
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
        if (world != null) {
            world.close();
        }
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String stream, Duration valid) {
        return ViewerToken.make(secret, stream, Instant.now().plus(valid));
    }

    @Test
    void refusesEveryRequestWithoutAValidTokenForTheStream() throws Exception {
        String file = "/streams/" + PracticeWorld.STREAM + ".m3u8";
        assertThat(get(file).statusCode()).as("no token").isEqualTo(401);
        assertThat(get("/t/" + token(PracticeWorld.STREAM, Duration.ofSeconds(-5)) + file).statusCode()).as("expired").isEqualTo(403);
        assertThat(get("/t/" + ViewerToken.make(secret + "x", PracticeWorld.STREAM, Instant.now().plusSeconds(600)) + file).statusCode())
                .as("forged").isEqualTo(403);
        assertThat(get("/t/" + token("stream", Duration.ofMinutes(5)) + file).statusCode()).as("another stream's token").isEqualTo(403);
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{\"streamId\":\"stream1\",\"type\":\"play\",\"expireDate\":"
                + (Instant.now().getEpochSecond() + 600) + "}") + ".";
        HttpResponse<String> none = get("/t/" + unsigned + file);
        assertThat(none.statusCode()).as("alg none").isEqualTo(403);
        assertThat(none.headers().firstValue("Access-Control-Allow-Origin")).as("web players can read the refusal").hasValue("*");
        assertThat(get("/play.html").statusCode()).as("anything else through CloudFront").isEqualTo(401);
    }

    @Test
    void aValidAmsTokenPlaysAndEveryViewerSharesOneCachedCopy() throws Exception {
        // An AMS play token made the way AMS's own JWT library does, outside StreamFront's code.
        String first = jwt(secret, "{\"streamId\":\"stream1\",\"type\":\"play\",\"expireDate\":" + (Instant.now().getEpochSecond() + 600) + "}");
        HttpResponse<String> playlist = get("/t/" + first + "/streams/stream1.m3u8");
        assertThat(playlist.statusCode()).isEqualTo(200);
        String segment = playlist.body().lines().filter(l -> l.endsWith(".ts")).reduce((a, b) -> b).orElseThrow();
        URI segmentUri = playlist.uri().resolve(segment);
        assertThat(segmentUri.getPath()).startsWith("/t/" + first + "/streams/");
        HttpResponse<String> firstViewer = HTTP.send(HttpRequest.newBuilder(segmentUri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(firstViewer.statusCode()).isEqualTo(200);

        String second = token(PracticeWorld.STREAM, Duration.ofMinutes(10));
        HttpResponse<String> secondViewer = get("/t/" + second + "/streams/" + segment);
        assertThat(secondViewer.statusCode()).isEqualTo(200);
        assertThat(secondViewer.headers().firstValue("X-Cache")).as("one copy for both viewers").hasValue("Hit from cloudfront");
    }

    @Test
    void anAmsStyleQueryTokenIsSentToTheAddressWithTheTokenInItsPath() throws Exception {
        String t = token(PracticeWorld.STREAM, Duration.ofMinutes(5));
        HttpResponse<String> moved = get("/streams/stream1.m3u8?token=" + t + "&subscriberId=abc");
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(moved.headers().firstValue("Location")).hasValue("/t/" + t + "/streams/stream1.m3u8?subscriberId=abc");
        assertThat(get(moved.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
    }

    @Test
    void theSecretIsReadBackFromTheStoreAndLeavesNoTraceInThePlan() throws Exception {
        assertThat(services.distributions().tokenGate().orElseThrow().storedSecret(plan.planId(), Progress.SILENT)).hasValue(secret);
        assertThat(org.streamfront.plan.PlanJson.write(plan)).contains("\"access\"").doesNotContain(secret);
        assertThat(world.api.functionNames()).containsExactly(ViewerFunction.functionName(plan.planId()));
        assertThat(world.api.keyValueStoreNames()).containsExactly(ViewerFunction.storeName(plan.planId()));
    }

    @Test
    void aNewSecretChangesOnlyTheStoreAndViewersWatchingAreNotCutOff(@TempDir Path other) throws Exception {
        String before = secret;
        String watching = token(PracticeWorld.STREAM, Duration.ofMinutes(30));
        Path rotated = other.resolve("rotated.secret");
        TokenSecret.write(rotated, TokenSecret.generate());
        services.useSecretFile(rotated);
        String distributionConfigBefore = services.distributions().get(made.id(), Progress.SILENT).etag();
        StringBuilder log = new StringBuilder();
        String arn = services.distributions().tokenGate().orElseThrow().ensure(plan, line -> log.append(line).append('\n'));
        secret = TokenSecret.read(rotated);
        assertThat(log).contains("Tokens signed with the previous one still play for 24 hours");
        assertThat(arn).endsWith(ViewerFunction.functionName(plan.planId()));
        assertThat(services.distributions().get(made.id(), Progress.SILENT).etag()).as("the distribution itself unchanged").isEqualTo(distributionConfigBefore);
        assertThat(get("/t/" + watching + "/streams/stream1.m3u8").statusCode()).as("a viewer with an old token").isEqualTo(200);
        assertThat(get("/t/" + token(PracticeWorld.STREAM, Duration.ofMinutes(5)) + "/streams/stream1.m3u8").statusCode())
                .as("a new viewer").isEqualTo(200);
        assertThat(get("/t/" + ViewerToken.make(before + "x", PracticeWorld.STREAM, Instant.now().plusSeconds(60)) + "/streams/stream1.m3u8")
                .statusCode()).as("still no forged one").isEqualTo(403);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** HS256 by hand, as any JWT library makes it. */
    static String jwt(String key, String payload) throws Exception {
        String body = b64("{\"typ\":\"JWT\",\"alg\":\"HS256\"}") + "." + b64(payload);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    }
}
