package org.streamfront.deploy;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

/** A distribution as CloudFront last described it. {@code etag} and {@code callerReference} are null when read from a list. */
public record Snapshot(String id, String domain, String status, boolean enabled, String etag, String comment,
                       String originDomain, Instant lastModified, String callerReference, List<String> aliases) {
    public static final String DEPLOYED = "Deployed";

    public boolean deployed() {
        return DEPLOYED.equals(status);
    }

    static Snapshot of(Distribution d, String etag) {
        var config = d.distributionConfig();
        return new Snapshot(d.id(), d.domainName(), d.status(), Boolean.TRUE.equals(config.enabled()), etag,
                config.comment(), config.origins().items().isEmpty() ? "" : config.origins().items().getFirst().domainName(),
                d.lastModifiedTime(), config.callerReference(), aliases(config.aliases()));
    }

    static Snapshot of(DistributionSummary s) {
        return new Snapshot(s.id(), s.domainName(), s.status(), Boolean.TRUE.equals(s.enabled()), null, s.comment(),
                s.origins() == null || s.origins().items().isEmpty() ? "" : s.origins().items().getFirst().domainName(),
                s.lastModifiedTime(), null, aliases(s.aliases()));
    }

    private static List<String> aliases(software.amazon.awssdk.services.cloudfront.model.Aliases a) {
        return a == null || !a.hasItems() ? List.of() : List.copyOf(a.items());
    }
}
