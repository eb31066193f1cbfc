package org.streamfront.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.streamfront.plan.Plan;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Delivery;
import org.streamfront.testing.ScriptedServer.Reply;

/** The server check is green only for what it saw work: each bad answer here once made a line green or amber too kindly. */
public class OriginCheckEvidenceTest {
    public static final String MASTER = """
            #EXTM3U
            #EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720
            stream1_720p.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360
            stream1_360p.m3u8
            """;
    static final String MEDIA = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:41
            #EXTINF:2.0,
            stream1000000041.ts
            #EXTINF:2.0,
            stream1000000042.ts
            """;
    private final ScriptedServer ams = new ScriptedServer();
    private final OriginCheck check = new OriginCheck(Duration.ofSeconds(1));

    @BeforeEach
    void anAmsThatAnswersItsPages() {
        ams.on("/", Reply.of(200, "<title>Ant Media Server</title>")).on("/WebRTCAppEE/", Reply.of(200, "<title>WebRTCAppEE</title>"));
    }

    @AfterEach
    void close() {
        ams.close();
    }

    private OriginCheck.Report run(String stream) throws InterruptedException {
        return check.run(new Plan.Origin("localhost", "WebRTCAppEE", "http-only", ams.port(), 5443), stream);
    }

    private static Check line(OriginCheck.Report r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + r));
    }

    @Test
    void aMasterPlaylistWhoseRenditionsAllAnswer404IsRed() throws Exception {
        ams.on("/WebRTCAppEE/streams/stream1.m3u8", Reply.playlist(MASTER));
        var report = run("stream1");
        assertThat(line(report, "playlist").mark()).isEqualTo(Check.Mark.RED);
        assertThat(line(report, "playlist").summary()).contains("none of them answers");
        assertThat(report.blocked()).isTrue();
    }

    @Test
    void aMasterPlaylistWithOneMissingRenditionIsAmberAndNamesIt() throws Exception {
        ams.on("/WebRTCAppEE/streams/stream1.m3u8", Reply.playlist(MASTER))
                .on("/WebRTCAppEE/streams/stream1_720p.m3u8", Reply.playlist(MEDIA))
                .on("/WebRTCAppEE/streams/stream1000000041.ts", Reply.of(200, "x".repeat(500_000)))
                .on("/WebRTCAppEE/streams/stream1000000042.ts", Reply.of(200, "x".repeat(500_000)));
        var report = run("stream1");
        assertThat(line(report, "playlist").mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(line(report, "playlist").summary()).contains("640x360").contains("1 of 2 play");
        assertThat(line(report, "bitrate").mark()).as("the rendition that plays was weighed").isEqualTo(Check.Mark.GREEN);
        assertThat(line(report, "bitrate").summary()).contains("1280x720: 2.00 Mbit/s");
    }

    @Test
    void anApplicationThatChecksPlayTokensItselfIsNamedWithTheWaysThatWork() throws Exception {
        ams.on("/WebRTCAppEE/streams/stream1.m3u8", Reply.of(403, "Invalid JWT Token"))
                .on("/WebRTCAppEE/rest/v2/broadcasts/list/0/50", Reply.of(200, "[{\"streamId\":\"stream1\",\"status\":\"broadcasting\"}]"));
        var report = run("stream1");
        Check playlist = line(report, "playlist");
        assertThat(playlist.mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(playlist.summary()).contains("Stream stream1 is live", "checks play tokens itself", "Viewers with a token",
                "turn off play-token checking");
        assertThat(playlist.detail()).contains("HTTP 403", "Invalid JWT Token");
    }

    @Test
    void aPlaylistAnswering500IsRed() throws Exception {
        ams.on("/WebRTCAppEE/streams/stream1.m3u8", Reply.of(500, "Internal Server Error"));
        var report = run("stream1");
        assertThat(line(report, "playlist").mark()).isEqualTo(Check.Mark.RED);
        assertThat(line(report, "playlist").summary()).contains("HTTP 500");
    }

    @Test
    void aPlaylistThatStallsAfterItsHeadersIsRedInBoundedTime() throws Exception {
        ams.on("/WebRTCAppEE/streams/stream1.m3u8", Reply.playlist(MEDIA).delivered(Delivery.STALL_AFTER_HEADERS));
        long start = System.nanoTime();
        var report = run("stream1");
        assertThat(line(report, "playlist").mark()).isEqualTo(Check.Mark.RED);
        assertThat(line(report, "playlist").summary()).contains("no answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aFrontPageThatIsNotAPageIsAmberNotGreen() throws Exception {
        ams.on("/", Reply.of(404, "nothing here"));
        var report = run("");
        assertThat(line(report, "http").mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(line(report, "http").summary()).contains("HTTP 404");
    }
}
