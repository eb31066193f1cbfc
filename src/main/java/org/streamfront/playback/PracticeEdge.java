package org.streamfront.playback;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.streamfront.origin.HttpGet;
import org.streamfront.sim.EdgeSimulator;

/**
 * The {@code practice} command's edge, named by {@value #VARIABLE}: with it, the app in real mode
 * (its AWS endpoints pointed at the same simulators) plays a distribution through the practice edge
 * instead of {@code https://<domain>}, which only exists on the internet. The edge gives each
 * distribution an address of its own, because a player cannot send a Host header.
 */
public final class PracticeEdge {
    public static final String VARIABLE = "STREAMFRONT_EDGE_URL";

    private final URI edge;

    public PracticeEdge(URI edge) {
        this.edge = edge;
    }

    /** The edge {@value #VARIABLE} names, if it names one. */
    public static Optional<URI> fromEnvironment() {
        String set = System.getenv(VARIABLE);
        return set == null || set.isBlank() ? Optional.empty() : Optional.of(URI.create(set.trim()));
    }

    /** The distribution's own address on the practice edge; its https address when the edge does not answer. */
    public URI addressOf(String domain) {
        try {
            HttpGet.Answer answer = HttpGet.get(edge.resolve(EdgeSimulator.ADDRESS_OF + URLEncoder.encode(domain, StandardCharsets.UTF_8)),
                    Duration.ofSeconds(5));
            if (answer.ok()) {
                return URI.create(answer.text().trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            // not an address: play the real one, which says what is wrong
        }
        return URI.create("https://" + domain);
    }
}
