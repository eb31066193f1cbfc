package org.streamfront.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.origin.Check;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Delivery;
import org.streamfront.testing.ScriptedServer.Reply;

/** The Play step's token proof is green only for what it saw: each odd answer here makes its line amber or red. */
class AccessProofTest {
    private static final String PLAYLIST = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:1\n#EXTINF:2.0,\ns000000001.ts\n";
    private final ScriptedServer edge = new ScriptedServer();

    @AfterEach
    void close() {
        edge.close();
    }

    private List<Check> run() throws InterruptedException {
        Iterator<String> tokens = List.of("A.B.C", "D.E.F").iterator();
        return new AccessProof(Duration.ofSeconds(1)).run(edge.url("/"), "s", tokens::next);
    }

    private static Check.Mark mark(List<Check> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().mark();
    }

    private void playlists() {
        edge.on("/t/A.B.C/streams/s.m3u8", Reply.playlist(PLAYLIST)).on("/t/A.B.C/streams/s000000001.ts", Reply.of(200, "x", "X-Cache", "Miss from cloudfront"));
    }

    @Test
    void refusedWithoutATokenAndAHitForTheSecondViewerIsGreen() throws Exception {
        edge.on("/streams/s.m3u8", Reply.of(401, "This stream needs a viewer token."));
        playlists();
        edge.on("/t/D.E.F/streams/s000000001.ts", Reply.of(200, "x", "X-Cache", "Hit from cloudfront"));
        List<Check> checks = run();
        assertThat(mark(checks, "token-needed")).isEqualTo(Check.Mark.GREEN);
        assertThat(mark(checks, "token-shared")).isEqualTo(Check.Mark.GREEN);
    }

    @Test
    void theStreamWithoutATokenIsRedAndAStalledAnswerIsAmber() throws Exception {
        edge.on("/streams/s.m3u8", Reply.playlist(PLAYLIST));
        assertThat(mark(run(), "token-needed")).as("anyone can watch").isEqualTo(Check.Mark.RED);
        edge.on("/streams/s.m3u8", Reply.playlist(PLAYLIST).delivered(Delivery.STALL_AFTER_HEADERS));
        assertThat(mark(run(), "token-needed")).as("no answer in time: not seen refused").isEqualTo(Check.Mark.AMBER);
    }

    @Test
    void noCacheLabelIsAmberAMissIsAmberAndNoPlaylistIsRed() throws Exception {
        edge.on("/streams/s.m3u8", Reply.of(403, "no"));
        playlists();
        edge.on("/t/D.E.F/streams/s000000001.ts", Reply.of(200, "x"));
        assertThat(mark(run(), "token-shared")).as("could not tell").isEqualTo(Check.Mark.AMBER);
        edge.on("/t/D.E.F/streams/s000000001.ts", Reply.of(200, "x", "X-Cache", "Miss from cloudfront"));
        assertThat(mark(run(), "token-shared")).as("not shared").isEqualTo(Check.Mark.AMBER);
        edge.on("/t/A.B.C/streams/s.m3u8", Reply.of(200, "<html>not a playlist</html>"));
        assertThat(mark(run(), "token-shared")).isEqualTo(Check.Mark.RED);
    }
}
