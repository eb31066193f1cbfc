package org.streamfront.playback;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.streamfront.origin.HttpGet;

/**
 * The {@code practice} command's edge, named by {@value #VARIABLE}: with it, the app in real mode
 * (its AWS endpoints pointed at the same simulators) plays a distribution through the practice edge
 * instead of {@code https://<domain>}, which only exists on the internet. The edge gives each
 * distribution an address of its own, because a player cannot send a Host header.
 */
public final class PracticeEdge {
    public static final String VARIABLE = "STREAMFRONT_EDGE_URL";
    /** Asked of the practice edge, followed by a domain: it answers with that distribution's own address. */
    public static final String ADDRESS_OF = "/.practice/address-of/";

    private final URI edge;
    /** A distribution keeps its address for the edge's life; the Deploy step asks at every poll. */
    private final Map<String, URI> known = new ConcurrentHashMap<>();

    public PracticeEdge(URI edge) {
        this.edge = edge;
    }

    /** The edge {@value #VARIABLE} names, if it names one; an unreadable value is ignored with a warning. */
    public static Optional<URI> fromEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    static Optional<URI> parse(String set) {
        if (set == null || set.isBlank()) {
            return Optional.empty();
        }
        try {
            URI edge = URI.create(set.trim());
            if (isAbsolute(edge)) {
                return Optional.of(edge);
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        Logger.getLogger(PracticeEdge.class.getName()).warning(VARIABLE + " is not an http address, so it is ignored: " + set);
        return Optional.empty();
    }

    /** The distribution's own address on the practice edge; its https address when the edge does not answer. */
    public URI addressOf(String domain) {
        URI address = known.get(domain);
        if (address != null) {
            return address;
        }
        try {
            HttpGet.Answer answer = HttpGet.get(edge.resolve(ADDRESS_OF + URLEncoder.encode(domain, StandardCharsets.UTF_8)),
                    Duration.ofSeconds(5));
            if (answer.ok()) {
                address = URI.create(answer.text().trim());
                if (isAbsolute(address)) {
                    known.put(domain, address);
                    return address;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            // not an address: play the real one, which says what is wrong
        }
        return ViewerUrls.base(domain);
    }

    private static boolean isAbsolute(URI address) {
        return address.getScheme() != null && address.getHost() != null;
    }
}
