package org.streamfront.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.streamfront.sim.PracticeWorld;

/** Where the Play step finds a distribution when real mode runs on the practice command's edge. */
class PracticeEdgeTest {
    private static final String DOMAIN = "d111111abcdef8.cloudfront.net";

    @Test
    void thePracticeEdgeGivesEachDistributionItsOwnAddressAndIsAskedOnce() throws Exception {
        PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(1));
        PracticeEdge edge = new PracticeEdge(world.edge.uri());
        URI address;
        try {
            address = edge.addressOf(DOMAIN);
            assertThat(address).isEqualTo(world.edge.addressOf(DOMAIN));
        } finally {
            world.close();
        }
        assertThat(edge.addressOf(DOMAIN)).as("remembered, not asked again").isEqualTo(address);
    }

    @Test
    void anEdgeThatRefusesAnswersNonsenseOrIsGoneMeansTheRealAddress() throws Exception {
        String[] bodies = {"", "not an address at all", "::::", "/relative/path"};
        AtomicInteger asked = new AtomicInteger();
        HttpServer odd = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        odd.createContext("/", exchange -> {
            int i = asked.getAndIncrement();
            byte[] body = (i < bodies.length ? bodies[i] : "http://127.0.0.1:1").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(i < bodies.length ? 200 : 500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        odd.start();
        try {
            PracticeEdge edge = new PracticeEdge(URI.create("http://127.0.0.1:" + odd.getAddress().getPort()));
            for (int i = 0; i <= bodies.length; i++) {
                assertThat(edge.addressOf(DOMAIN)).as("answer " + i).isEqualTo(URI.create("https://" + DOMAIN));
            }
        } finally {
            odd.stop(0);
        }
        PracticeEdge gone = new PracticeEdge(URI.create("http://127.0.0.1:" + odd.getAddress().getPort()));
        assertThat(gone.addressOf(DOMAIN)).isEqualTo(URI.create("https://" + DOMAIN));
    }

    @Test
    void theVariableMustNameAnHttpAddress() {
        assertThat(PracticeEdge.parse(null)).isEmpty();
        assertThat(PracticeEdge.parse("  ")).isEmpty();
        assertThat(PracticeEdge.parse("edge here")).isEmpty();
        assertThat(PracticeEdge.parse("127.0.0.1:8080")).isEmpty();
        assertThat(PracticeEdge.parse(" http://127.0.0.1:8080 ")).contains(URI.create("http://127.0.0.1:8080"));
    }
}
