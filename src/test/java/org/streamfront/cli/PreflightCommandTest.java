package org.streamfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.origin.OriginCheckEvidenceTest;
import org.streamfront.sim.OriginSimulator;
import org.streamfront.testing.ScriptedServer;
import org.streamfront.testing.ScriptedServer.Delivery;
import org.streamfront.testing.ScriptedServer.Reply;

/** preflight: the Origin step's server check from the command line, its worst colour as the exit code. */
class PreflightCommandTest {
    @TempDir
    Path dir;
    private final ScriptedServer odd = new ScriptedServer();

    @AfterEach
    void close() {
        odd.close();
    }

    private String plan(int port) throws Exception {
        return CliTest.write(dir, "plan.json", "{\"origin\": {\"domain\": \"localhost\", \"httpPort\": " + port + "},"
                + " \"stream\": {\"id\": \"stream1\"}}").toString();
    }

    @Test
    void aHealthyLiveStreamOnThisComputerIsGreenButForTheAddressTheInternetCannotReach() throws Exception {
        try (OriginSimulator ams = OriginSimulator.start()) {
            ams.startStream("WebRTCAppEE", "stream1");
            CliTest run = CliTest.run("preflight", plan(ams.port()));
            assertThat(run.exit).as(run.out + run.err).isEqualTo(PreflightCommand.AMBER);
            assertThat(run.out).contains("amber dns: ").contains("green port: ").contains("green http: ").contains("green application: ")
                    .contains("green streams: ").contains("green playlist: Stream stream1 is live").contains("green bitrate: ");
            assertThat(run.out.lines()).noneMatch(l -> l.startsWith("red "));
        }
    }

    @Test
    void renditionsThatAnswer404AreRedAndExit1() throws Exception {
        odd.on("/", Reply.of(200, "panel")).on("/WebRTCAppEE/", Reply.of(200, "app"))
                .on("/WebRTCAppEE/streams/stream1.m3u8", Reply.playlist(OriginCheckEvidenceTest.MASTER));
        CliTest run = CliTest.run("preflight", plan(odd.port()));
        assertThat(run.exit).as(run.out).isEqualTo(1);
        assertThat(run.out).contains("red playlist: ");
    }

    @Test
    void aServerErrorAndAStalledBodyAreRedAndExit1() throws Exception {
        odd.on("/", Reply.of(200, "panel")).on("/WebRTCAppEE/", Reply.of(200, "app"))
                .on("/WebRTCAppEE/streams/stream1.m3u8", Reply.of(503, "busy"));
        assertThat(CliTest.run("preflight", plan(odd.port())).exit).isEqualTo(1);
        odd.on("/WebRTCAppEE/streams/stream1.m3u8", Reply.playlist(OriginCheckEvidenceTest.MASTER).delivered(Delivery.STALL_AFTER_HEADERS));
        CliTest stalled = CliTest.run("preflight", plan(odd.port()));
        assertThat(stalled.exit).as(stalled.out).isEqualTo(1);
        assertThat(stalled.out).contains("red playlist: ").contains("no answer in time");
    }

    @Test
    void anInvalidPlanIsExit2() throws Exception {
        CliTest run = CliTest.run("preflight", CliTest.write(dir, "bad.json", "{\"origin\": {\"domain\": \"1.2.3.4\"}}").toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("origin.domain");
    }
}
