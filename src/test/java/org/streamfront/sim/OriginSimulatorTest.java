package org.streamfront.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OriginSimulatorTest {
    private final SimWorld sim = new SimWorld();
    private final OriginSimulator origin = sim.world.origin;

    @AfterEach
    void close() {
        sim.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return sim.get(origin.uri().resolve(path), headers);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void liveStreamIsAnAmsStylePlaylistWithAmsHeaders() throws Exception {
        var playlist = get("/WebRTCAppEE/streams/stream1.m3u8");
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.headers().firstValue("Content-Type")).contains("application/vnd.apple.mpegurl");
        assertThat(playlist.headers().firstValue("Cache-Control")).contains("max-age=0");
        assertThat(playlist.headers().firstValue("Access-Control-Allow-Origin")).as("no Origin, no CORS").isEmpty();
        assertThat(text(playlist)).startsWith("#EXTM3U").contains("#EXT-X-TARGETDURATION:2").contains("#EXT-X-MEDIA-SEQUENCE:1")
                .contains("stream1000000001.ts");
        var segment = get("/WebRTCAppEE/streams/stream1000000001.ts");
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.headers().firstValue("Cache-Control")).contains("max-age=10");
        assertThat(segment.headers().firstValue("Content-Type")).contains("video/MP2T");
        assertThat(segment.body()[0]).isEqualTo((byte) 0x47);
        assertThat(get("/WebRTCAppEE/streams/stream1.m3u8", "Origin", "https://x.example")
                .headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void streamsThatAreNotLiveAreNotFoundAndRestartWithFreshNames() throws Exception {
        assertThat(get("/WebRTCAppEE/streams/other.m3u8").statusCode()).isEqualTo(404);
        assertThat(get("/NoSuchApp/streams/stream1.m3u8").statusCode()).isEqualTo(404);
        origin.stopStream("WebRTCAppEE", "stream1");
        assertThat(get("/WebRTCAppEE/streams/stream1.m3u8").statusCode()).isEqualTo(404);
        origin.startStream("WebRTCAppEE", "stream1");
        assertThat(text(get("/WebRTCAppEE/streams/stream1.m3u8"))).contains("stream1000000001.ts");
    }

    @Test
    void loopingSegmentsCarryLaterTimestampsEachPass() throws Exception {
        byte[] first = origin.getClass().getResourceAsStream("stream/seg0.ts").readAllBytes();
        byte[] shifted = TsTimestamps.shift(first, 900_000);
        assertThat(TsTimestamps.firstPts(shifted) - TsTimestamps.firstPts(first)).isEqualTo(900_000);
        assertThat(TsTimestamps.shift(shifted, -900_000)).isEqualTo(first);
    }

    @Test
    void restApiListsBroadcastsOrRefusesRemoteHostsLikeAms() throws Exception {
        var list = get("/WebRTCAppEE/rest/v2/broadcasts/list/0/50");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(text(list)).contains("\"streamId\":\"stream1\"").contains("\"status\":\"broadcasting\"");
        assertThat(get("/WebRTCAppEE/rest/v2/broadcasts/stream1").statusCode()).isEqualTo(200);
        assertThat(get("/WebRTCAppEE/rest/v2/broadcasts/nope").statusCode()).isEqualTo(404);
        origin.refuseRemoteRest(true);
        var refused = get("/WebRTCAppEE/rest/v2/broadcasts/list/0/50");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(text(refused)).contains("Not allowed IP");
    }
}
