package org.streamfront.origin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HlsPlaylistTest {
    @Test
    void amsMediaPlaylist() {
        var p = HlsPlaylist.parse("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:41
                #EXTINF:2.000,
                stream1000000041.ts
                #EXTINF:1.960,
                stream1000000042.ts
                """).orElseThrow();
        assertThat(p.master()).isFalse();
        assertThat(p.targetDuration()).isEqualTo(2);
        assertThat(p.mediaSequence()).isEqualTo(41);
        assertThat(p.segments()).extracting(HlsPlaylist.Segment::uri).containsExactly("stream1000000041.ts", "stream1000000042.ts");
        assertThat(p.segments().get(1).duration()).isEqualTo(1.96);
        assertThat(p.ended()).isFalse();
    }

    @Test
    void amsAdaptiveMasterPlaylist() {
        var p = HlsPlaylist.parse("#EXTM3U\r\n#EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS=\"avc1.42e01f,mp4a.40.2\"\r\n"
                + "stream1_720p.m3u8\r\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\r\nstream1_360p.m3u8\r\n").orElseThrow();
        assertThat(p.master()).isTrue();
        assertThat(p.variants()).containsExactly(new HlsPlaylist.Variant("stream1_720p.m3u8", 2_500_000, "1280x720"),
                new HlsPlaylist.Variant("stream1_360p.m3u8", 800_000, "640x360"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>404</html>", "#EXTM3U\n#EXT-X-TARGETDURATION:x\n#EXTINF:abc,\nseg.ts\n#EXT-X-MEDIA-SEQUENCE:\n",
            "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=\n"})
    void garbageNeverThrows(String text) {
        var parsed = HlsPlaylist.parse(text);
        parsed.ifPresent(p -> assertThat(p.targetDuration()).isZero());
        assertThat(HlsPlaylist.parse(null)).isEmpty();
    }

    @Test
    void endedPlaylistIsNoticed() {
        assertThat(HlsPlaylist.parse("#EXTM3U\n#EXTINF:2,\na.ts\n#EXT-X-ENDLIST\n").orElseThrow().ended()).isTrue();
    }

    @Test
    void lowLatencyPartsAreNoticedAndANonsensePartTargetIsADefect() {
        String ll = "#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:2\n#EXT-X-PART-INF:PART-TARGET=0.334\n"
                + "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.0\n#EXT-X-MEDIA-SEQUENCE:7\n"
                + "#EXTINF:2.000,\nseg7.ts\n#EXT-X-PART:DURATION=0.334,URI=\"seg8.0.ts\"\n";
        HlsPlaylist p = HlsPlaylist.parse(ll).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(p.lowLatency()).isTrue();
        org.assertj.core.api.Assertions.assertThat(p.partTarget()).isEqualTo(0.334);
        org.assertj.core.api.Assertions.assertThat(p.defect()).isEmpty();
        HlsPlaylist broken = HlsPlaylist.parse(ll.replace("PART-TARGET=0.334", "PART-TARGET=soon")).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(broken.lowLatency()).isFalse();
        org.assertj.core.api.Assertions.assertThat(broken.defect()).contains("The playlist announces Low-Latency parts without a usable PART-TARGET.");
        org.assertj.core.api.Assertions.assertThat(HlsPlaylist.parse("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n")
                .orElseThrow().lowLatency()).isFalse();
    }
}
