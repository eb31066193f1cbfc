package org.streamfront.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.cli.CliTest;
import org.streamfront.origin.Check;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Delivery;
import org.streamfront.testing.ScriptedServer.Reply;

/** The CDN checks call green only what they saw: answers that are not quite right stay amber or red. */
class StreamCheckEvidenceTest {
    private static final String MEDIA = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:1
            #EXT-X-MEDIA-SEQUENCE:7
            #EXTINF:1.0,
            s7.ts
            """;
    private final ScriptedServer edge = new ScriptedServer();

    @AfterEach
    void close() {
        edge.close();
    }

    @Test
    void aCorsHeaderForAnotherSiteIsAmberAndAMissingXCacheCannotBeGreen() throws Exception {
        edge.on("/streams/s.m3u8", Reply.of(200, MEDIA, "Access-Control-Allow-Origin", "https://only-my-site.example"))
                .on("/streams/s7.ts", Reply.of(200, "x".repeat(100_000)));
        var report = new StreamCheck(Duration.ofSeconds(2)).run(edge.url("/streams/s.m3u8"));
        Check cors = report.check("cors").orElseThrow();
        assertThat(cors.mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(cors.summary()).contains("allows only https://only-my-site.example");
        assertThat(report.check("cache").orElseThrow().mark()).isEqualTo(Check.Mark.AMBER);
    }

    @Test
    void theAskingSiteOrAStarIsGreen() throws Exception {
        edge.on("/streams/s.m3u8", Reply.of(200, MEDIA, "Access-Control-Allow-Origin", StreamCheck.PLAYER_SITE, "X-Cache", "Hit from cloudfront"));
        var report = new StreamCheck(Duration.ofSeconds(2)).run(edge.url("/streams/s.m3u8"));
        assertThat(report.check("cors").orElseThrow().mark()).isEqualTo(Check.Mark.GREEN);
        assertThat(report.check("cache").orElseThrow().mark()).isEqualTo(Check.Mark.GREEN);
    }

    @Test
    void aPlaylistThatStallsIsRedInBoundedTime() throws Exception {
        edge.on("/streams/s.m3u8", Reply.playlist(MEDIA).delivered(Delivery.STALL_AFTER_HEADERS));
        long start = System.nanoTime();
        var report = new StreamCheck(Duration.ofSeconds(1)).run(edge.url("/streams/s.m3u8"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.check("playlist").orElseThrow().summary()).contains("no answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theCheckCommandOnAStalledBodyEndsByItselfWithExit1AndNoTrace() {
        edge.on("/streams/s.m3u8", Reply.playlist(MEDIA).delivered(Delivery.TRICKLE));
        CliTest run = CliTest.run("check", edge.url("/streams/s.m3u8").toString());
        assertThat(run.exit).as(run.out + run.err).isEqualTo(1);
        assertThat(run.out).contains("FAIL playlist").contains("no answer in time").endsWith("not healthy\n");
        assertThat(run.out + run.err).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
