package org.streamfront.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/** One simulated distribution: its config as sent, its ETag, tags and when it is (or was) deployed. */
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

    boolean enabled() {
        return "true".equals(SimXml.text(config, "Enabled"));
    }
}
