package org.streamfront.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * One simulated distribution: its config as sent, its ETag, tags and when it is (or was) deployed.
 * Like CloudFront's, the simulated edge serves a new distribution or a change some time after it
 * was sent (the edge delay) and never later than Deployed: until then a new distribution is not
 * served at all and a changed one is served as it was.
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
    /** When the edge first serves this distribution. */
    private Instant firstServed;
    /** When the edge starts serving the latest change. */
    private Instant changeServed;
    /** What the edges serve until the latest change reaches them; null when nothing is spreading. */
    private Element previous;

    SimDistribution(String id, String arn, String domain, String callerReference, Element config, String etag,
                     Instant now, Instant deployedAt, Instant firstServed) {
        this.id = id;
        this.arn = arn;
        this.domain = domain;
        this.callerReference = callerReference;
        this.created = now;
        this.config = config;
        this.etag = etag;
        this.lastModified = now;
        this.deployedAt = deployedAt;
        this.firstServed = earlier(firstServed, deployedAt);
        this.changeServed = this.firstServed;
    }

    String status(Instant now) {
        return now.isBefore(deployedAt) ? "InProgress" : "Deployed";
    }

    /** A change sent now, served from {@code served}, deployed at {@code deployed}; the edges keep the config they had until served. */
    void change(Element newConfig, Instant now, Instant deployed, Instant served) {
        previous = servedAt(now);
        config = newConfig;
        lastModified = now;
        deployedAt = deployed;
        changeServed = earlier(served, deployed);
    }

    /** Deployed now: every edge serves the latest config. */
    void finish(Instant now) {
        deployedAt = now;
        firstServed = earlier(firstServed, now);
        changeServed = earlier(changeServed, now);
    }

    /** Whether the edge serves this distribution at all yet. */
    boolean served(Instant now) {
        return !now.isBefore(firstServed);
    }

    /** The config the edges serve at {@code now} (before the first serving: the config they will serve). */
    Element servedAt(Instant now) {
        return previous != null && now.isBefore(changeServed) ? previous : config;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    boolean enabled() {
        return enabled(config);
    }

    static boolean enabled(Element config) {
        return "true".equals(SimXml.text(config, "Enabled"));
    }
}
