package org.streamfront.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * One simulated distribution: its config as sent, its ETag, tags and when it is (or was) deployed.
 * Like CloudFront's edges, the simulated edge serves a change only once it has deployed; a new
 * distribution is served at once (its edges answer before the status says Deployed).
 */
final class SimDistribution {
    final String id;
    final String arn;
    final String domain;
    final String callerReference;
    final Instant created;
    final Map<String, String> tags = new LinkedHashMap<>();
    Element config;
    String etag;
    Instant lastModified;
    Instant deployedAt;
    /** What the edges serve until the latest change has deployed; null when nothing is spreading. */
    private Element previous;

    SimDistribution(String id, String arn, String domain, String callerReference, Element config, String etag,
                     Instant now, Instant deployedAt) {
        this.id = id;
        this.arn = arn;
        this.domain = domain;
        this.callerReference = callerReference;
        this.created = now;
        this.config = config;
        this.etag = etag;
        this.lastModified = now;
        this.deployedAt = deployedAt;
    }

    String status(Instant now) {
        return now.isBefore(deployedAt) ? "InProgress" : "Deployed";
    }

    /** A change sent now, deployed at {@code deployed}; the edges keep the config they had until then. */
    void change(Element newConfig, Instant now, Instant deployed) {
        previous = servedAt(now);
        config = newConfig;
        lastModified = now;
        deployedAt = deployed;
    }

    /** The config the edges serve at {@code now}. */
    Element servedAt(Instant now) {
        return previous != null && now.isBefore(deployedAt) ? previous : config;
    }

    boolean enabled() {
        return enabled(config);
    }

    static boolean enabled(Element config) {
        return "true".equals(SimXml.text(config, "Enabled"));
    }
}
