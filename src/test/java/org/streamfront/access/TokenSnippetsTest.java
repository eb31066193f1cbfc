package org.streamfront.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples for the user's web developer make tokens the edge accepts: run, not just read. */
class TokenSnippetsTest {
    private static final String SECRET = "the-site-secret-of-at-least-32-characters";

    @Test
    void theJavaScriptExampleMakesATokenTheEdgeAccepts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token.js"), TokenSnippets.of("js", "d111.cloudfront.net", "stream7") + "\nconsole.log(url);\n");
        assertAccepted(run(dir, "node", file.toString()));
    }

    @Test
    void thePythonExampleMakesATokenTheEdgeAccepts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token.py"), TokenSnippets.of("python", "d111.cloudfront.net", "stream7") + "\nprint(url)\n");
        assertAccepted(run(dir, "python3", file.toString()));
    }

    @Test
    void thePhpExampleNamesTheSameClaimsAndAddress() {
        // No PHP here to run it: its text says what the others do.
        assertThat(TokenSnippets.of("php", "d111.cloudfront.net", "stream7")).contains("'streamId' => $streamId", "'type' => 'play'",
                "'expireDate' => time() + $validSeconds", "hash_hmac('sha256'", "https://d111.cloudfront.net/t/", "viewer_token('stream7')");
    }

    private static void assertAccepted(String url) {
        URI address = URI.create(url.strip());
        assertThat(address.getHost()).isEqualTo("d111.cloudfront.net");
        String path = address.getPath();
        assertThat(path).startsWith("/t/").endsWith("/streams/stream7.m3u8");
        String token = path.substring(3, path.indexOf("/streams/"));
        ViewerToken.Result result = ViewerToken.check(token, SECRET, Instant.now());
        assertThat(result.verdict()).isEqualTo(ViewerToken.Verdict.VALID);
        assertThat(result.claims().streamId()).isEqualTo("stream7");
        assertThat(result.claims().expires()).isBetween(Instant.now().plusSeconds(7000), Instant.now().plusSeconds(7300));
        assertThat(EdgeCheck.decide(path, java.util.Map.of(), new EdgeCheck.Secrets(SECRET, null, null), Instant.now()).passes()).isTrue();
    }

    private static String run(Path dir, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("STREAM_SECRET", SECRET);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
