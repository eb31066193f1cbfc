package org.streamfront.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Delivery;
import org.streamfront.testing.ScriptedServer.Reply;

/** Every read has a deadline: a body that stalls or trickles ends in a timeout, not a wait without end. */
class HttpGetDeadlineTest {
    private static final Duration DEADLINE = Duration.ofMillis(800);
    private final ScriptedServer server = new ScriptedServer();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aBodyThatStallsAfterItsHeadersTimesOut() throws Exception {
        server.on("/live.m3u8", Reply.playlist("#EXTM3U\n".repeat(200)).delivered(Delivery.STALL_AFTER_HEADERS));
        HttpGet.Answer answer = HttpGet.get(server.url("/live.m3u8"), DEADLINE);
        assertThat(answer.failure()).isInstanceOf(HttpTimeoutException.class);
        assertThat(answer.status()).isEqualTo(-1);
        assertThat(answer.millis()).isBetween(DEADLINE.toMillis(), DEADLINE.toMillis() + 2_000);
        assertThat(answer.failureInWords()).isEqualTo("no answer in time");
    }

    @Test
    void aBodyThatTricklesAByteASecondTimesOut() throws Exception {
        server.on("/live.m3u8", Reply.playlist("#EXTM3U\n#EXT-X-TARGETDURATION:2\n").delivered(Delivery.TRICKLE));
        HttpGet.Answer answer = HttpGet.get(server.url("/live.m3u8"), DEADLINE);
        assertThat(answer.failure()).isInstanceOf(HttpTimeoutException.class);
        assertThat(answer.millis()).isLessThan(DEADLINE.toMillis() + 2_000);
    }

    @Test
    void aWholeBodyWithinTheDeadlineIsRead() throws Exception {
        server.on("/live.m3u8", Reply.playlist("#EXTM3U\n#EXT-X-TARGETDURATION:2\n"));
        HttpGet.Answer answer = HttpGet.get(server.url("/live.m3u8"), DEADLINE);
        assertThat(answer.failure()).isNull();
        assertThat(answer.text()).isEqualTo("#EXTM3U\n#EXT-X-TARGETDURATION:2\n");
    }

    @Test
    void aStreamedBodyThatStallsIsCutAtTheDeadlineAfterWhatArrived() throws Exception {
        server.on("/seg.ts", Reply.of(200, "0123456789", "Content-Type", "video/mp2t").delivered(Delivery.TRICKLE));
        var received = new java.io.ByteArrayOutputStream();
        int[] status = {0};
        HttpGet.Answer answer = HttpGet.stream(server.url("/seg.ts"), Duration.ofMillis(1500), (code, headers) -> {
            status[0] = code;
            return received;
        });
        assertThat(status[0]).isEqualTo(200);
        assertThat(answer.failure()).isInstanceOf(HttpTimeoutException.class);
        assertThat(received.toString()).as("what arrived in time went on").startsWith("0").hasSizeLessThan(10);
    }

    @Test
    void aStatusDoesNotWaitForTheBody() throws Exception {
        server.on("/live.m3u8", Reply.playlist("#EXTM3U\n".repeat(200)).delivered(Delivery.STALL_AFTER_HEADERS));
        long start = System.nanoTime();
        assertThat(HttpGet.status(server.url("/live.m3u8"), Duration.ofSeconds(5))).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
}
