package org.streamfront.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.origin.HlsPlaylist;
import org.streamfront.sim.OriginSimulator;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.ScriptedServer;

/** The relay between JavaFX and the stream: a master around the media playlist, and playlists fetched at most once a second. */
class PlaybackRelayTest {
    private final OriginSimulator origin = OriginSimulator.start();
    private final PlaybackRelay relay = new PlaybackRelay();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        http.close();
        relay.close();
        origin.close();
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(uri.toString()).isEqualTo(200);
        return r.body();
    }

    private URI mediaPlaylist() {
        origin.startStream(PracticeWorld.APPLICATION, PracticeWorld.STREAM);
        return URI.create(origin.uri() + "/" + PracticeWorld.APPLICATION + "/streams/" + PracticeWorld.STREAM + ".m3u8");
    }

    @Test
    void thePlayerGetsAMasterWhoseOneRenditionIsTheMediaPlaylistThroughTheRelay() throws Exception {
        URI player = relay.forPlayer(mediaPlaylist(), false);
        HlsPlaylist master = HlsPlaylist.parse(get(player)).orElseThrow();
        assertThat(master.master()).isTrue();
        assertThat(master.variants()).hasSize(1);
        URI variant = player.resolve(master.variants().getFirst().uri());
        assertThat(variant.getHost()).isEqualTo("127.0.0.1");
        HlsPlaylist media = HlsPlaylist.parse(get(variant)).orElseThrow();
        assertThat(media.master()).isFalse();
        assertThat(media.segments()).isNotEmpty();
        assertThat(get(variant.resolve(media.segments().getFirst().uri()))).isNotEmpty();
    }

    @Test
    void everyListedSegmentIsFetchedAheadOnceAndReachesThePlayerWhole() throws Exception {
        URI upstream = mediaPlaylist();
        relay.startOver();
        URI player = relay.forPlayer(upstream, false);
        URI variant = player.resolve(HlsPlaylist.parse(get(player)).orElseThrow().variants().getFirst().uri());
        // Counted from before the playlist: reading it starts the fetches ahead.
        long before = origin.requests("segment");
        HlsPlaylist media = HlsPlaylist.parse(get(variant)).orElseThrow();
        for (HlsPlaylist.Segment segment : media.segments()) {
            byte[] relayed = http.send(HttpRequest.newBuilder(variant.resolve(segment.uri())).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            byte[] direct = http.send(HttpRequest.newBuilder(upstream.resolve(segment.uri())).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(relayed).as(segment.uri()).isEqualTo(direct);
        }
        // Each segment once through the relay (fetched ahead, or on the ask if that came first) and once directly here.
        assertThat(origin.requests("segment") - before).isEqualTo(2L * media.segments().size());
    }

    @Test
    void aSegmentIsPassedOnAsItArrivesNotOnceItHasAll() throws Exception {
        try (ScriptedServer slow = new ScriptedServer()) {
            slow.on("/live/seg1.ts", ScriptedServer.Reply.of(200, "ABCDEFGHIJKLMNOPQRST", "Content-Type", "video/mp2t")
                    .delivered(ScriptedServer.Delivery.TRICKLE));
            URI segment = relay.forPlayer(slow.url("/live/index.m3u8"), false).resolve("/a/" + base64(slow.url("/")) + "/live/seg1.ts");
            var response = http.send(HttpRequest.newBuilder(segment).build(), HttpResponse.BodyHandlers.ofInputStream());
            long start = System.nanoTime();
            try (var body = response.body()) {
                assertThat(body.read()).as("the first byte, long before the twentieth").isEqualTo('A');
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static String base64(URI server) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((server.getScheme() + "://" + server.getRawAuthority()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aPlayerReloadingAsFastAsItCanReachesTheServerAboutOnceASecond() throws Exception {
        URI player = relay.forPlayer(mediaPlaylist(), false);
        URI variant = player.resolve(HlsPlaylist.parse(get(player)).orElseThrow().variants().getFirst().uri());
        long before = origin.requests("playlist");
        long start = System.nanoTime();
        int asked = 0;
        while (System.nanoTime() - start < Duration.ofSeconds(3).toNanos()) {
            assertThat(get(variant)).contains("#EXTINF");
            asked++;
        }
        long upstream = origin.requests("playlist") - before;
        assertThat(asked).isGreaterThan(10);
        // One fetch per second of asking, and the first one at once: at most four in three seconds.
        assertThat(upstream).isBetween(2L, 4L);
    }

    @Test
    void aStreamThatStopsLeavesThePlayerItsLastListNotAnErrorAndOneThatComesBackIsSeenAgain() throws Exception {
        URI player = relay.forPlayer(mediaPlaylist(), false);
        URI variant = player.resolve(HlsPlaylist.parse(get(player)).orElseThrow().variants().getFirst().uri());
        String last = get(variant);
        origin.stopStream(PracticeWorld.APPLICATION, PracticeWorld.STREAM);
        long before = origin.requests("playlist");
        // Asked as a player asks (the relay paces it) until the stopped stream was asked upstream twice.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (origin.requests("playlist") - before < 2 && System.nanoTime() < deadline) {
            // JavaFX's playlist loader dies on an error answer; nothing new in the list is what tells the watchdog.
            assertThat(get(variant)).isEqualTo(last);
        }
        assertThat(origin.requests("playlist") - before).as("the stopped stream was asked upstream").isGreaterThanOrEqualTo(2);
        origin.startStream(PracticeWorld.APPLICATION, PracticeWorld.STREAM);
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String now = last;
        while (now.equals(last) && System.nanoTime() < deadline) {
            now = get(variant);
        }
        assertThat(now).as("the stream back, its new segments listed").isNotEqualTo(last).contains("#EXTINF");
    }

    @Test
    void afterARedirectRelativeSegmentsResolveWhereItLedAsAPlayerResolvesThem() throws Exception {
        // An edge that moves a query token into the path: the segments exist only under the token's path.
        try (var edge = new org.streamfront.testing.ScriptedServer()) {
            edge.on("/streams/s.m3u8", org.streamfront.testing.ScriptedServer.Reply.of(302, "", "Location", "/t/TOKEN/streams/s.m3u8"))
                    .on("/t/TOKEN/streams/s.m3u8", org.streamfront.testing.ScriptedServer.Reply.playlist(
                            "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:1\n#EXTINF:2.0,\ns000000001.ts\n"))
                    .on("/t/TOKEN/streams/s000000001.ts", org.streamfront.testing.ScriptedServer.Reply.of(200, "segment bytes"))
                    .on("/streams/s000000001.ts", org.streamfront.testing.ScriptedServer.Reply.of(403, "no token"));
            URI asked = URI.create(edge.url("/streams/s.m3u8") + "?token=TOKEN");
            var answer = org.streamfront.origin.HttpGet.get(asked, Duration.ofSeconds(5));
            assertThat(answer.resolve(asked, "s000000001.ts").getPath()).isEqualTo("/t/TOKEN/streams/s000000001.ts");

            URI player = relay.forPlayer(asked, false);
            URI relayedPlaylist = player.resolve(HlsPlaylist.parse(get(player)).orElseThrow().variants().getFirst().uri());
            HlsPlaylist media = HlsPlaylist.parse(get(relayedPlaylist)).orElseThrow();
            URI segment = relayedPlaylist.resolve(media.segments().getFirst().uri());
            assertThat(get(segment)).as("the token's path is kept for the segment").isEqualTo("segment bytes");
        }
    }

    @Test
    void addressesThatAreNotTheRelaysAreRefused() {
        assertThat(PlaybackRelay.upstreamOf(URI.create("http://127.0.0.1:1/x/aHR0cDovL2E/streams/a.m3u8"))).as("unknown mode").isNull();
        assertThat(PlaybackRelay.upstreamOf(URI.create("http://127.0.0.1:1/a/!!!/streams/a.m3u8"))).as("not base64").isNull();
        assertThat(PlaybackRelay.upstreamOf(URI.create("http://127.0.0.1:1/a/ZmlsZTovLy9ldGM/passwd"))).as("file:// origin").isNull();
        assertThat(PlaybackRelay.upstreamOf(URI.create("http://127.0.0.1:1/a"))).as("too short").isNull();
        assertThat(PlaybackRelay.upstreamOf(URI.create("http://127.0.0.1:1/mu/aHR0cDovL2E/streams/a.m3u8?t=1")))
                .isEqualTo(URI.create("http://a/streams/a.m3u8?t=1"));
    }
}
