package org.streamfront.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact JavaScript StreamFront publishes, run under node with a small stand-in for CloudFront's
 * {@code cloudfront} module (its key value store), against the same requests as the Java twin the
 * practice edge runs: both must decide alike, and rightly, or practice and AWS could disagree.
 */
class ViewerFunctionUnderNodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final String PREVIOUS = "the-previous-secret-also-thirty-two-chars";

    private record Case(String name, String uri, Map<String, String> query, Map<String, String> store, int status) {
    }

    @Test
    void nodeAndTheJavaTwinDecideEveryRequestAlikeAndRightly(@TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        Map<String, String> store = Map.of("secret", SECRET);
        Map<String, String> rotated = Map.of("secret", SECRET, "previous", PREVIOUS, "previousUntil", String.valueOf(now.getEpochSecond() + 3600));
        Map<String, String> rotatedLongAgo = Map.of("secret", SECRET, "previous", PREVIOUS, "previousUntil", String.valueOf(now.getEpochSecond() - 5));
        String valid = ViewerToken.make(SECRET, "stream1", now.plusSeconds(600));
        List<Case> cases = new ArrayList<>(List.of(
                new Case("no token", "/streams/stream1.m3u8", Map.of(), store, 401),
                new Case("valid playlist", "/t/" + valid + "/streams/stream1.m3u8", Map.of(), store, 0),
                new Case("adaptive master", "/t/" + valid + "/streams/stream1_adaptive.m3u8", Map.of(), store, 0),
                new Case("rendition", "/t/" + valid + "/streams/stream1_720p2500kbps.m3u8", Map.of(), store, 0),
                new Case("rendition segment", "/t/" + valid + "/streams/stream1_720p2500kbps000000042.ts", Map.of(), store, 0),
                new Case("segment", "/t/" + valid + "/streams/stream1000000042.ts", Map.of(), store, 0),
                new Case("fmp4 segment", "/t/" + valid + "/streams/stream1000000042.fmp4", Map.of(), store, 0),
                new Case("fmp4 init", "/t/" + valid + "/streams/stream1_init.mp4", Map.of(), store, 0),
                new Case("stream10's segment", "/t/" + valid + "/streams/stream10000000001.ts", Map.of(), store, 403),
                new Case("another stream", "/t/" + valid + "/streams/stream2.m3u8", Map.of(), store, 403),
                new Case("outside streams", "/t/" + valid + "/play.html", Map.of(), store, 403),
                new Case("climbing out", "/t/" + valid + "/streams/../rest/v2/broadcasts/list/0/10", Map.of(), store, 403),
                new Case("expired", "/t/" + ViewerToken.make(SECRET, "stream1", now.minusSeconds(1)) + "/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("forged", "/t/" + ViewerToken.make("not-the-secret-not-the-secret-not-it", "stream1", now.plusSeconds(600))
                        + "/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("alg none", "/t/" + unsigned("none", "{\"streamId\":\"stream1\",\"type\":\"play\",\"expireDate\":" + (now.getEpochSecond() + 600) + "}")
                        + "/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("HS512 claimed", "/t/" + signed("HS512", "{\"streamId\":\"stream1\",\"type\":\"play\",\"expireDate\":" + (now.getEpochSecond() + 600) + "}")
                        + "/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("publish token", "/t/" + signed("HS256", "{\"streamId\":\"stream1\",\"type\":\"publish\",\"expireDate\":" + (now.getEpochSecond() + 600) + "}")
                        + "/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("expiry as text", "/t/" + signed("HS256", "{\"streamId\":\"stream1\",\"type\":\"play\",\"expireDate\":\"" + (now.getEpochSecond() + 600) + "\"}")
                        + "/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("expiry with a fraction", "/t/" + signed("HS256", "{\"streamId\":\"stream1\",\"type\":\"play\",\"expireDate\":" + (now.getEpochSecond() + 600) + ".5}")
                        + "/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("payload not an object", "/t/" + signed("HS256", "[1,2]") + "/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("not a token", "/t/hello/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("two parts", "/t/abc.def/streams/stream1.m3u8", Map.of(), store, 403),
                new Case("query token", "/streams/stream1.m3u8", new LinkedHashMap<>(Map.of("token", valid)), store, 302),
                new Case("query token and more", "/streams/stream1.m3u8", linked("token", valid, "subscriberId", "a b/c"), store, 302),
                new Case("previous secret in grace", "/t/" + ViewerToken.make(PREVIOUS, "stream1", now.plusSeconds(600)) + "/streams/stream1.m3u8",
                        Map.of(), rotated, 0),
                new Case("previous secret after grace", "/t/" + ViewerToken.make(PREVIOUS, "stream1", now.plusSeconds(600)) + "/streams/stream1.m3u8",
                        Map.of(), rotatedLongAgo, 403),
                new Case("store without a secret", "/t/" + valid + "/streams/stream1.m3u8", Map.of(), Map.of(), 503)));
        // Tokens one character off: every one refused, by both.
        Random random = new Random(24);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < 60; i++) {
            char[] t = valid.toCharArray();
            int at = random.nextInt(t.length);
            char was = t[at];
            do {
                t[at] = alphabet.charAt(random.nextInt(alphabet.length()));
            } while (t[at] == was);
            cases.add(new Case("mutated " + i, "/t/" + new String(t) + "/streams/stream1.m3u8", Map.of(), store, 403));
        }

        ArrayNode vectors = JSON.createArrayNode();
        for (Case c : cases) {
            ObjectNode v = vectors.addObject();
            v.put("uri", c.uri());
            ObjectNode q = v.putObject("query");
            c.query().forEach((k, val) -> q.putObject(k).put("value", val));
            ObjectNode s = v.putObject("store");
            c.store().forEach(s::put);
        }
        JsonNode answers = runUnderNode(dir, vectors);

        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            EdgeCheck.Decision java = EdgeCheck.decide(c.uri(), c.query(), EdgeCheck.Secrets.of(c.store()), Instant.now());
            JsonNode node = answers.get(i);
            int nodeStatus = node.has("statusCode") ? node.get("statusCode").asInt() : 0;
            assertThat(java.status()).as(c.name() + " (Java)").isEqualTo(c.status() == 0 ? 0 : c.status());
            assertThat(nodeStatus).as(c.name() + " (node)").isEqualTo(java.status());
            if (java.passes()) {
                assertThat(node.path("uri").asText()).as(c.name() + ": the path the cache sees").isEqualTo(java.uri());
                assertThat(node.path("querystring").size()).as(c.name() + ": nothing of the query is left").isZero();
            } else if (java.location() != null) {
                assertThat(node.path("headers").path("location").path("value").asText()).as(c.name()).isEqualTo(java.location());
            } else {
                assertThat(node.path("headers").path("access-control-allow-origin").path("value").asText()).isEqualTo("*");
                assertThat(node.path("body").path("data").asText()).as(c.name() + " " + c.uri()).isEqualTo(java.reason());
            }
        }
        assertThat(ViewerFunction.source().getBytes(StandardCharsets.UTF_8).length).as("CloudFront's limit").isLessThanOrEqualTo(ViewerFunction.MAX_CODE_BYTES);
        assertThat(ViewerFunction.source()).doesNotContain(SECRET);
    }

    /** Runs the published source under node, once per vector, with the vector's key value store. */
    private static JsonNode runUnderNode(Path dir, ArrayNode vectors) throws Exception {
        Path module = Files.createDirectories(dir.resolve("node_modules/cloudfront"));
        Files.writeString(module.resolve("package.json"), "{\"name\":\"cloudfront\",\"type\":\"module\",\"main\":\"index.js\"}");
        // CloudFront's kvs().get() answers a key's value, and throws for a key the store does not have.
        Files.writeString(module.resolve("index.js"), """
                export const store = { data: {} };
                export default { kvs() { return { async get(key) {
                  if (!(key in store.data)) { throw new Error('key not found'); }
                  return store.data[key];
                } }; } };
                """);
        Files.writeString(dir.resolve("package.json"), "{\"type\":\"module\"}");
        Files.writeString(dir.resolve("function.js"), ViewerFunction.source() + "\nexport { handler };\n");
        Files.writeString(dir.resolve("vectors.json"), vectors.toString());
        Files.writeString(dir.resolve("run.js"), """
                import { readFileSync } from 'fs';
                import { store } from 'cloudfront';
                import { handler } from './function.js';
                const vectors = JSON.parse(readFileSync('vectors.json', 'utf8'));
                const out = [];
                for (const v of vectors) {
                  store.data = v.store;
                  const event = { version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '198.51.100.7' },
                    request: { method: 'GET', uri: v.uri, querystring: v.query, headers: {}, cookies: {} } };
                  out.push(await handler(event));
                }
                console.log(JSON.stringify(out));
                """);
        Process p = new ProcessBuilder("node", "run.js").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(p.exitValue()).as("node ran the function: " + output).isZero();
        return JSON.readTree(output);
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unsigned(String alg, String payload) {
        return b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(payload) + ".";
    }

    private static String signed(String alg, String payload) throws Exception {
        String body = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(payload);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    }
}
