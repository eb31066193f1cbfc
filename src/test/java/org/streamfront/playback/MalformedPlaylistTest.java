package org.streamfront.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamfront.origin.Check;
import org.streamfront.origin.HlsPlaylist;
import org.streamfront.origin.HttpGet;

/**
 * Whatever a server sends, the parser never throws and the stream check never says green for it:
 * one clear red line each. Served over real HTTP on loopback.
 */
class MalformedPlaylistTest {
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final HttpServer server = start();

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = pages.getOrDefault(path, "not found".getBytes(StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(statuses.getOrDefault(path, pages.containsKey(path) ? 200 : 404), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static Stream<Arguments> malformed() {
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        return Stream.of(
                Arguments.of("empty", new byte[0], "not with an HLS playlist"),
                Arguments.of("binary", binary, "not with an HLS playlist"),
                Arguments.of("html", "<!doctype html><h1>Welcome to nginx</h1>".getBytes(), "not with an HLS playlist"),
                Arguments.of("huge", ("#EXTM3U\n" + "#EXTINF:2,\na.ts\n".repeat(HttpGet.MAX_BODY / 12)).getBytes(), "larger than"),
                Arguments.of("no segments", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n".getBytes(), "no segments"),
                Arguments.of("word as duration", "#EXTM3U\n#EXT-X-TARGETDURATION:two\n#EXTINF:2,\na.ts\n".getBytes(), "target duration"),
                Arguments.of("negative segment", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:-2,\na.ts\n".getBytes(), "not a positive number"),
                Arguments.of("absurd segment", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:1e300,\na.ts\n".getBytes(), "not a positive number"),
                Arguments.of("negative sequence", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:-4\n#EXTINF:2,\na.ts\n".getBytes(),
                        "media sequence"),
                Arguments.of("absurd target", "#EXTM3U\n#EXT-X-TARGETDURATION:99999999999\n#EXTINF:2,\na.ts\n".getBytes(), "target duration"),
                Arguments.of("rendition without uri", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n".getBytes(), "has no address"),
                Arguments.of("bandwidth not a number", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=fast\nlow.m3u8\n".getBytes(), "BANDWIDTH"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachMalformedAnswerIsOneRedLineNeverGreen(String name, byte[] body, String says) throws Exception {
        pages.put("/live.m3u8", body);
        pages.put("/low.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n".getBytes());
        var report = new StreamCheck().run(url("/live.m3u8"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.checks()).hasSize(1);
        Check only = report.checks().getFirst();
        assertThat(only.mark()).isEqualTo(Check.Mark.RED);
        assertThat(only.summary()).contains(says);
        HlsPlaylist.parse(new String(body, StandardCharsets.ISO_8859_1)); // never throws
    }

    @Test
    void aMasterPlaylistWhoseRenditionsAnswer404IsNotHealthyAndNamesThem() throws Exception {
        pages.put("/master.m3u8", ("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=2500000\nhigh.m3u8\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=800000\nlow.m3u8\n").getBytes());
        var report = new StreamCheck().run(url("/master.m3u8"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.checks()).extracting(Check::id).containsExactly("rendition high.m3u8", "rendition low.m3u8");
        assertThat(report.checks()).allSatisfy(c -> {
            assertThat(c.mark()).isEqualTo(Check.Mark.RED);
            assertThat(c.summary()).contains("404");
        });
    }

    @Test
    void oneBrokenRenditionOfTwoStillMakesTheStreamUnhealthy() throws Exception {
        pages.put("/master.m3u8", ("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=2500000\nhigh.m3u8\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=800000\nlow.m3u8\n").getBytes());
        pages.put("/high.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\na.ts\n#EXT-X-ENDLIST\n".getBytes());
        pages.put("/a.ts", new byte[1000]);
        var report = new StreamCheck().run(url("/master.m3u8"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.check("rendition low.m3u8").orElseThrow().mark()).isEqualTo(Check.Mark.RED);
    }

    @Test
    void aFinishedRecordingIsNamedAsSuch() throws Exception {
        pages.put("/vod.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n#EXT-X-ENDLIST\n".getBytes());
        pages.put("/a.ts", new byte[20_000]);
        var report = new StreamCheck().run(url("/vod.m3u8"));
        assertThat(report.check("advances").orElseThrow().mark()).isEqualTo(Check.Mark.RED);
        assertThat(report.check("advances").orElseThrow().summary()).contains("recording, not a live stream");
        assertThat(report.healthy()).isFalse();
    }

    @Test
    void aRefusedConnectionIsSaidInWords() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        var report = new StreamCheck().run(URI.create("http://127.0.0.1:" + port + "/live.m3u8"));
        assertThat(report.checks().getFirst().summary()).contains("connection was refused").doesNotContain("null");
    }
}
