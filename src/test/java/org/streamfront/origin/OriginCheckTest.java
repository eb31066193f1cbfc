package org.streamfront.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamfront.plan.Plan;
import org.streamfront.sim.OriginSimulator;

/** The origin check against the AMS-like origin simulator and against ports that misbehave on purpose. */
class OriginCheckTest {
    private final OriginSimulator ams = OriginSimulator.start();
    private final OriginCheck check = new OriginCheck(Duration.ofSeconds(1));

    @AfterEach
    void close() {
        ams.close();
    }

    private Plan.Origin origin(String app, int port) {
        return new Plan.Origin("localhost", app, "http-only", port, 5443);
    }

    private static Check line(OriginCheck.Report r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + r));
    }

    @Test
    void aLiveAmsGetsAGreenChecklistAndAWarningThatLocalhostIsNotOnTheInternet() throws Exception {
        ams.startStream("WebRTCAppEE", "stream1");
        var report = check.run(origin("WebRTCAppEE", ams.port()), "stream1");
        assertThat(line(report, "dns").mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(line(report, "dns").summary()).contains("cannot reach it").contains("127.0.0.1");
        for (String id : List.of("port", "http", "application", "streams", "playlist")) {
            assertThat(line(report, id).mark()).as(id + ": " + line(report, id).summary()).isEqualTo(Check.Mark.GREEN);
        }
        assertThat(report.liveStreams()).containsExactly("stream1");
        assertThat(report.suggestedPlaylistTtl()).contains(1);
        // The bundled practice segments weigh 71-89 KB per 2 s: about 0.3 Mbit/s.
        assertThat(report.renditions()).singleElement().satisfies(r -> assertThat(r.measuredBps()).isBetween(280_000L, 360_000L));
        assertThat(line(report, "bitrate").mark()).isEqualTo(Check.Mark.GREEN);
        assertThat(line(report, "bitrate").summary()).matches("What CloudFront will carry per viewer, measured from the newest segments: "
                + "the stream: 0\\.[23]\\d Mbit/s\\.");
        assertThat(line(report, "playlist").detail()).contains("Cache-Control: max-age=0").contains("Access-Control-Allow-Origin");
        assertThat(report.blocked()).isFalse();
    }

    @Test
    void aWrongApplicationNamesTheOnesThatExist() throws Exception {
        var report = check.run(origin("WebRTCAppXX", ams.port()), "");
        assertThat(line(report, "application").mark()).isEqualTo(Check.Mark.RED);
        assertThat(line(report, "application").summary()).contains("WebRTCAppXX").contains("WebRTCAppEE").contains("WebRTCApp");
        assertThat(report.blocked()).isTrue();
    }

    @Test
    void amsRefusingItsStreamListIsExplainedAsItsDefault() throws Exception {
        ams.refuseRemoteRest(true);
        var report = check.run(origin("WebRTCAppEE", ams.port()), "");
        assertThat(line(report, "streams").mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(line(report, "streams").summary()).contains("Not allowed IP").contains("type your stream id");
    }

    @Test
    void aStreamThatIsNotLiveSaysWhereTheEncoderShouldPublish() throws Exception {
        var report = check.run(origin("LiveApp", ams.port()), "show");
        assertThat(line(report, "playlist").summary()).contains("rtmp://localhost/LiveApp/show");
        assertThat(line(report, "streams").summary()).contains("No stream is live");
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        var report = check.run(origin("WebRTCAppEE", free), "");
        assertThat(line(report, "port").summary()).contains("refuses connections");
    }

    @Test
    void aPortThatNeverAnswersTimesOutWithFirewallAdvice() throws Exception {
        // A listener whose accept queue is full drops new connection attempts, as a firewall does.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 300);
                        fillers.add(s);
                    } catch (IOException queueFull) {
                        s.close();
                        break;
                    }
                }
                var report = check.run(origin("WebRTCAppEE", full.getLocalPort()), "");
                assertThat(line(report, "port").summary()).contains("No answer on port").contains("security group");
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void somethingThatIsNotHttpIsNamed() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Socket s = mute.accept();
                        s.getOutputStream().write("SSH-2.0-OpenSSH\r\n".getBytes());
                        s.close();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            var report = check.run(origin("WebRTCAppEE", mute.getLocalPort()), "");
            assertThat(line(report, "http").mark()).isEqualTo(Check.Mark.RED);
            assertThat(line(report, "http").summary()).contains("not with HTTP");
        }
    }

    @Test
    void anUnknownNameStopsAtTheFirstLine() throws Exception {
        var report = check.run(new Plan.Origin("no-such-host.invalid", null, null, null, null), "");
        assertThat(report.checks()).hasSize(1);
        assertThat(line(report, "dns").summary()).contains("not known on the internet");
    }

    @Test
    void privateAddressesAreRecognised() throws Exception {
        for (String a : List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "100.64.0.1", "169.254.1.1", "fd00::1")) {
            assertThat(OriginCheck.notOnTheInternet(InetAddress.getByName(a))).as(a).isTrue();
        }
        assertThat(OriginCheck.notOnTheInternet(InetAddress.getByName("3.120.1.2"))).isFalse();
    }

    @Test
    void anApplicationBehindALoginIsAmberWithAdviceNotGreen() throws Exception {
        ams.applicationStatus(401);
        var report = check.run(origin("WebRTCAppEE", ams.port()), "");
        assertThat(line(report, "application").mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(line(report, "application").summary()).contains("refuses access").contains("401").contains("allow CloudFront");
    }

    @Test
    void anApplicationAnsweringServerErrorsIsRed() throws Exception {
        ams.applicationStatus(500);
        var report = check.run(origin("WebRTCAppEE", ams.port()), "");
        assertThat(line(report, "application").mark()).isEqualTo(Check.Mark.RED);
        assertThat(line(report, "application").summary()).contains("server error").contains("500");
        assertThat(report.blocked()).isTrue();
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsRedWithItsOwnMessage() throws Exception {
        ams.silent(true);
        var report = check.run(origin("WebRTCAppEE", ams.port()), "");
        assertThat(line(report, "port").mark()).as("the port itself accepts").isEqualTo(Check.Mark.GREEN);
        assertThat(line(report, "http").mark()).isEqualTo(Check.Mark.RED);
        assertThat(line(report, "http").summary()).contains("accepts connections but sends no answer");
        assertThat(report.checks()).noneMatch(c -> c.id().equals("application"));
    }

    @Test
    void anAdaptiveMasterPlaylistIsWeighedRenditionByRendition() throws Exception {
        ams.startStream("WebRTCAppEE", "stream1");
        var report = check.run(origin("WebRTCAppEE", ams.port()), "stream1_adaptive");
        assertThat(report.renditions()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("640x360");
            assertThat(r.declaredBps()).isEqualTo(350_000);
            assertThat(r.measuredBps()).isBetween(280_000L, 360_000L);
        });
        assertThat(line(report, "bitrate").summary()).contains("640x360: 0.").contains("(the playlist says 0.35)");
    }

    @Test
    void theBitrateLineIsGreenOnlyWhenEveryRenditionWasWeighed() {
        Check both = OriginCheck.bitrateLine(List.of(new OriginCheck.Rendition("1280x720", 2_500_000, 2_412_000, 2),
                new OriginCheck.Rendition("640x360", 800_000, 790_500, 2)));
        assertThat(both.mark()).isEqualTo(Check.Mark.GREEN);
        assertThat(both.summary()).isEqualTo("What CloudFront will carry per viewer, measured from the newest segments: "
                + "1280x720: 2.41 Mbit/s (the playlist says 2.50), 640x360: 0.79 Mbit/s (the playlist says 0.80).");
        Check missing = OriginCheck.bitrateLine(List.of(new OriginCheck.Rendition("1280x720", 2_500_000, 0, 0)));
        assertThat(missing.mark()).isEqualTo(Check.Mark.AMBER);
        assertThat(missing.summary()).contains("could not be measured");
        assertThat(OriginCheck.bitrateLine(List.of()).mark()).isEqualTo(Check.Mark.AMBER);
    }
}
