package org.streamfront.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.streamfront.Messages;

/**
 * The one set of rules for a plan. The wizard shows each field's message next to the field; the
 * {@code validate} command prints the same messages with the field's JSON path.
 */
public final class PlanRules {
    /** CloudFront's limit for the distribution comment, less room for the plan id StreamFront adds. */
    public static final int MAX_COMMENT = 80;
    public static final int MAX_NAME = 80;
    public static final List<Integer> ERROR_CODES = List.of(400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504);
    public static final int MAX_TTL = 31_536_000;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern SHIELD_REGION = Pattern.compile("[a-z]{2}-[a-z]+-\\d");
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private PlanRules() {
    }

    public static Optional<String> domain(String value) {
        String d = value == null ? "" : value.trim();
        if (d.isEmpty()) {
            return msg("rule.domain.required");
        }
        if (d.contains("://")) {
            return msg("rule.domain.scheme");
        }
        if (IPV4.matcher(d).matches() || d.contains(":") && d.replace("[", "").replace("]", "").matches("[0-9A-Fa-f:.]+")) {
            return msg("rule.domain.ip");
        }
        if (d.contains("/")) {
            return msg("rule.domain.path");
        }
        if (d.contains(":")) {
            return msg("rule.domain.port");
        }
        if (d.length() > 253) {
            return msg("rule.domain.long");
        }
        String[] labels = d.endsWith(".") ? d.substring(0, d.length() - 1).split("\\.", -1) : d.split("\\.", -1);
        for (String label : labels) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return msg("rule.domain.chars");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> application(String value) {
        String a = value == null ? "" : value.trim();
        if (a.isEmpty()) {
            return msg("rule.application.required");
        }
        if (a.contains("/")) {
            return msg("rule.application.slash");
        }
        if (!APPLICATION.matcher(a).matches()) {
            return msg("rule.application.chars");
        }
        return Optional.empty();
    }

    public static Optional<String> protocol(String value) {
        return Plan.Origin.PROTOCOLS.contains(value) ? Optional.empty()
                : msg("rule.choice", String.join(", ", Plan.Origin.PROTOCOLS));
    }

    public static Optional<String> port(Integer value) {
        if (value == null) {
            return msg("rule.port.required");
        }
        boolean ok = value == 80 || value == 443 || value >= 1024 && value <= 65535;
        return ok ? Optional.empty() : msg("rule.port.range");
    }

    /** Optional: a second AMS server, a host name like the first, and not the first again. */
    public static Optional<String> secondaryDomain(String value, String primary) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.trim().equalsIgnoreCase(primary == null ? "" : primary.trim())) {
            return msg("rule.secondary.same");
        }
        return domain(value);
    }

    /** CloudFront allows 1 to 10 seconds. */
    public static Optional<String> connectionTimeout(Integer value) {
        return value != null && value >= 1 && value <= 10 ? Optional.empty() : msg("rule.connectionTimeout");
    }

    /** CloudFront allows 1 to 3 attempts. */
    public static Optional<String> connectionAttempts(Integer value) {
        return value != null && value >= 1 && value <= 3 ? Optional.empty() : msg("rule.connectionAttempts");
    }

    /** Empty: Origin Shield off. Otherwise an AWS Region code, as CloudFront's API wants it. */
    public static Optional<String> shieldRegion(String value) {
        return value == null || value.isBlank() || SHIELD_REGION.matcher(value.trim()).matches() ? Optional.empty()
                : msg("rule.shieldRegion");
    }

    public static Optional<String> queryStrings(String value) {
        return List.of(Plan.Cache.ALL, Plan.Cache.NONE).contains(value) ? Optional.empty()
                : msg("rule.choice", "all, none");
    }

    public static Optional<String> ttl(Integer value, int max) {
        if (value == null) {
            return msg("rule.ttl.required");
        }
        return value < 0 || value > max ? msg("rule.ttl.range", max) : Optional.empty();
    }

    public static Optional<String> playlistTtl(Integer value) {
        return ttl(value, 60);
    }

    public static Optional<String> segmentTtl(Integer value) {
        return ttl(value, 86_400);
    }

    public static Optional<String> errorCode(Integer value) {
        return value != null && ERROR_CODES.contains(value) ? Optional.empty()
                : msg("rule.errorCode", ERROR_CODES.toString().replaceAll("[\\[\\]]", ""));
    }

    public static Optional<String> errorTtl(Integer value) {
        return ttl(value, MAX_TTL);
    }

    public static Optional<String> viewerProtocol(String value) {
        return Plan.Distribution.VIEWER_PROTOCOLS.contains(value) ? Optional.empty()
                : msg("rule.choice", String.join(", ", Plan.Distribution.VIEWER_PROTOCOLS));
    }

    public static Optional<String> priceClass(String value) {
        return Plan.Distribution.PRICE_CLASSES.contains(value) ? Optional.empty()
                : msg("rule.choice", String.join(", ", Plan.Distribution.PRICE_CLASSES));
    }

    public static Optional<String> accessMode(String value) {
        return Plan.Access.MODES.contains(value) ? Optional.empty() : msg("rule.choice", String.join(", ", Plan.Access.MODES));
    }

    public static Optional<String> comment(String value) {
        return value != null && value.length() > MAX_COMMENT ? msg("rule.text.long", MAX_COMMENT) : Optional.empty();
    }

    public static Optional<String> name(String value) {
        return value != null && value.length() > MAX_NAME ? msg("rule.text.long", MAX_NAME) : Optional.empty();
    }

    /** Optional in a plan; needed only to play. */
    public static Optional<String> streamId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return STREAM_ID.matcher(value.trim()).matches() ? Optional.empty() : msg("rule.streamId.chars");
    }

    /** Everything wrong with the plan, in field order. An empty list means the plan can be sent. */
    public static List<Problem> validate(Plan plan) {
        List<Problem> problems = new ArrayList<>();
        if (plan.schemaVersion() != Plan.SCHEMA_VERSION) {
            problems.add(new Problem("schemaVersion", Messages.get("rule.schemaVersion", Plan.SCHEMA_VERSION)));
        }
        add(problems, "name", name(plan.name()));
        Plan.Origin o = plan.origin();
        add(problems, "origin.domain", domain(o.domain()));
        add(problems, "origin.application", application(o.application()));
        add(problems, "origin.protocol", protocol(o.protocol()));
        add(problems, "origin.httpPort", port(o.httpPort()));
        add(problems, "origin.httpsPort", port(o.httpsPort()));
        add(problems, "origin.connectionTimeoutSeconds", connectionTimeout(o.connectionTimeoutSeconds()));
        add(problems, "origin.connectionAttempts", connectionAttempts(o.connectionAttempts()));
        add(problems, "origin.shieldRegion", shieldRegion(o.shieldRegion()));
        add(problems, "origin.secondaryDomain", secondaryDomain(o.secondaryDomain(), o.domain()));
        Plan.Cache c = plan.cache();
        add(problems, "cache.queryStrings", queryStrings(c.queryStrings()));
        add(problems, "cache.playlistTtlSeconds", playlistTtl(c.playlistTtlSeconds()));
        add(problems, "cache.segmentTtlSeconds", segmentTtl(c.segmentTtlSeconds()));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < plan.errorPages().size(); i++) {
            Plan.ErrorPage page = plan.errorPages().get(i);
            String at = "errorPages[" + i + "]";
            add(problems, at + ".code", errorCode(page.code()));
            add(problems, at + ".cachingMinTtlSeconds", errorTtl(page.cachingMinTtlSeconds()));
            if (page.code() != null && !seen.add(page.code())) {
                problems.add(new Problem(at + ".code", Messages.get("rule.errorCode.twice", page.code())));
            }
        }
        Plan.Distribution d = plan.distribution();
        add(problems, "distribution.viewerProtocol", viewerProtocol(d.viewerProtocol()));
        add(problems, "distribution.priceClass", priceClass(d.priceClass()));
        add(problems, "distribution.comment", comment(d.comment()));
        if (d.aliases() != null) {
            for (int i = 0; i < d.aliases().size(); i++) {
                add(problems, "distribution.aliases[" + i + "]", org.streamfront.address.HostNames.problem(d.aliases().get(i)));
            }
        }
        add(problems, "stream.id", streamId(plan.stream().id()));
        add(problems, "access.mode", accessMode(plan.access().mode()));
        return problems;
    }

    private static void add(List<Problem> problems, String path, Optional<String> message) {
        message.ifPresent(m -> problems.add(new Problem(path, m)));
    }

    private static Optional<String> msg(String key, Object... args) {
        return Optional.of(Messages.get(key, args));
    }
}
