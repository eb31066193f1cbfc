package org.streamfront.plan;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * What the user asked for: the plan file of INTERFACE.md, the wizard's draft and the input of
 * every command. Sections left out take the tutorial's settings plus the live-HLS preset.
 * Values are kept as typed (strings for choices) so that one set of rules can explain what is wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(
        Integer schemaVersion,
        String planId,
        String name,
        Origin origin,
        Cache cache,
        List<ErrorPage> errorPages,
        Distribution distribution,
        Stream stream,
        Access access) {

    public static final int SCHEMA_VERSION = 1;

    public Plan {
        schemaVersion = Objects.requireNonNullElse(schemaVersion, SCHEMA_VERSION);
        name = Objects.requireNonNullElse(name, "");
        origin = Objects.requireNonNullElseGet(origin, () -> new Origin(null, null, null, null, null));
        cache = Objects.requireNonNullElseGet(cache, () -> new Cache(null, null, null, null));
        errorPages = errorPages == null ? List.of(new ErrorPage(404, 3)) : List.copyOf(errorPages);
        distribution = Objects.requireNonNullElseGet(distribution, () -> new Distribution(null, null, null));
        stream = Objects.requireNonNullElseGet(stream, () -> new Stream(null));
        access = Objects.requireNonNullElseGet(access, () -> new Access(null));
        if (access.tokens() && !Cache.NONE.equals(cache.queryStrings())) {
            // With tokens, query strings leave the cache key (one copy for every viewer) and never reach the server.
            cache = new Cache(Cache.NONE, cache.corsHeaders(), cache.playlistTtlSeconds(), cache.segmentTtlSeconds(),
                    cache.corsFromServer(), cache.lowLatencyHls());
        }
    }

    /** The tutorial's plan: no access section, viewers need no token. */
    public Plan(Integer schemaVersion, String planId, String name, Origin origin, Cache cache, List<ErrorPage> errorPages,
                Distribution distribution, Stream stream) {
        this(schemaVersion, planId, name, origin, cache, errorPages, distribution, stream, null);
    }

    /** A plan with every default and no origin yet: what the wizard starts from. */
    public static Plan empty() {
        return new Plan(null, null, null, null, null, null, null, null, null);
    }

    public Plan withPlanId(String id) {
        return new Plan(schemaVersion, id, name, origin, cache, errorPages, distribution, stream, access);
    }

    public Plan withName(String value) {
        return new Plan(schemaVersion, planId, value, origin, cache, errorPages, distribution, stream, access);
    }

    public Plan withOrigin(Origin value) {
        return new Plan(schemaVersion, planId, name, value, cache, errorPages, distribution, stream, access);
    }

    public Plan withCache(Cache value) {
        return new Plan(schemaVersion, planId, name, origin, value, errorPages, distribution, stream, access);
    }

    public Plan withErrorPages(List<ErrorPage> value) {
        return new Plan(schemaVersion, planId, name, origin, cache, value, distribution, stream, access);
    }

    public Plan withAliases(List<String> aliases) {
        return withDistribution(new Distribution(distribution.viewerProtocol(), distribution.priceClass(), distribution.comment(), aliases));
    }

    public Plan withDistribution(Distribution value) {
        return new Plan(schemaVersion, planId, name, origin, cache, errorPages, value, stream, access);
    }

    public Plan withStream(Stream value) {
        return new Plan(schemaVersion, planId, name, origin, cache, errorPages, distribution, value, access);
    }

    public Plan withAccess(Access value) {
        return new Plan(schemaVersion, planId, name, origin, cache, errorPages, distribution, stream, value);
    }

    /**
     * The AMS server CloudFront fetches from (and optionally a second one of the same cluster it falls
     * back to), how patiently, and through which Origin Shield region (none: off). CloudFront's own defaults (10 s to connect, 3 attempts) suit large downloads, not
     * 2-second live segments: a viewer's player has long given up by then.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(String domain, String application, String protocol, Integer httpPort, Integer httpsPort,
                         Integer connectionTimeoutSeconds, Integer connectionAttempts, String shieldRegion, String secondaryDomain) {
        public static final String HTTP_ONLY = "http-only";
        public static final String HTTPS_ONLY = "https-only";
        public static final String MATCH_VIEWER = "match-viewer";
        public static final List<String> PROTOCOLS = List.of(HTTP_ONLY, HTTPS_ONLY, MATCH_VIEWER);
        public static final List<String> KNOWN_APPLICATIONS = List.of("WebRTCAppEE", "LiveApp", "WebRTCApp", "live");
        public static final int LIVE_CONNECTION_TIMEOUT = 3;
        public static final int LIVE_CONNECTION_ATTEMPTS = 2;

        public Origin(String domain, String application, String protocol, Integer httpPort, Integer httpsPort) {
            this(domain, application, protocol, httpPort, httpsPort, null, null, null, null);
        }

        public Origin {
            domain = domain == null ? "" : domain.trim();
            application = Objects.requireNonNullElse(application, "WebRTCAppEE").trim();
            protocol = Objects.requireNonNullElse(protocol, HTTP_ONLY);
            httpPort = Objects.requireNonNullElse(httpPort, 5080);
            httpsPort = Objects.requireNonNullElse(httpsPort, 5443);
            connectionTimeoutSeconds = Objects.requireNonNullElse(connectionTimeoutSeconds, LIVE_CONNECTION_TIMEOUT);
            connectionAttempts = Objects.requireNonNullElse(connectionAttempts, LIVE_CONNECTION_ATTEMPTS);
            shieldRegion = shieldRegion == null || shieldRegion.isBlank() ? null : shieldRegion.trim();
            secondaryDomain = secondaryDomain == null || secondaryDomain.isBlank() ? null : secondaryDomain.trim();
        }

        public Origin withShieldRegion(String region) {
            return new Origin(domain, application, protocol, httpPort, httpsPort, connectionTimeoutSeconds, connectionAttempts, region,
                    secondaryDomain);
        }

        /** A second AMS server of the same cluster (same application and ports), which CloudFront falls back to. */
        public Origin withSecondary(String host) {
            return new Origin(domain, application, protocol, httpPort, httpsPort, connectionTimeoutSeconds, connectionAttempts,
                    shieldRegion, host);
        }

        public boolean hasSecondary() {
            return secondaryDomain != null;
        }

        public boolean shielded() {
            return shieldRegion != null;
        }

        /** CloudFront's origin path: the AMS application, with the leading slash the API wants. */
        public String originPath() {
            return "/" + application;
        }

        public String scheme() {
            return HTTPS_ONLY.equals(protocol) ? "https" : "http";
        }

        public int port() {
            return HTTPS_ONLY.equals(protocol) ? httpsPort : httpPort;
        }
    }

    /**
     * How CloudFront keeps copies. Defaults: the tutorial's query strings plus the live-HLS preset.
     * {@code corsHeaders}: players on other web sites may load the stream, with CORS headers added at
     * the edge; {@code corsFromServer}: AMS answers CORS itself (the request's Origin reaches it and,
     * because its answer depends on it, becomes part of CloudFront's cache key). {@code lowLatencyHls}:
     * the stream has LL-HLS parts, whose playlist requests ({@code _HLS_msn}, {@code _HLS_part}) must
     * stay apart in the cache even when other query strings are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cache(String queryStrings, Boolean corsHeaders, Integer playlistTtlSeconds, Integer segmentTtlSeconds,
                        Boolean corsFromServer, Boolean lowLatencyHls) {
        public static final String ALL = "all";
        public static final String NONE = "none";
        public static final int PRESET_PLAYLIST_TTL = 1;
        public static final int PRESET_SEGMENT_TTL = 10;

        public Cache(String queryStrings, Boolean corsHeaders, Integer playlistTtlSeconds, Integer segmentTtlSeconds) {
            this(queryStrings, corsHeaders, playlistTtlSeconds, segmentTtlSeconds, null, null);
        }

        public Cache(String queryStrings, Boolean corsHeaders, Integer playlistTtlSeconds, Integer segmentTtlSeconds,
                     Boolean corsFromServer) {
            this(queryStrings, corsHeaders, playlistTtlSeconds, segmentTtlSeconds, corsFromServer, null);
        }

        public Cache {
            queryStrings = Objects.requireNonNullElse(queryStrings, ALL);
            corsHeaders = Objects.requireNonNullElse(corsHeaders, true);
            playlistTtlSeconds = Objects.requireNonNullElse(playlistTtlSeconds, PRESET_PLAYLIST_TTL);
            segmentTtlSeconds = Objects.requireNonNullElse(segmentTtlSeconds, PRESET_SEGMENT_TTL);
            corsFromServer = Objects.requireNonNullElse(corsFromServer, false) && corsHeaders;
            lowLatencyHls = Objects.requireNonNullElse(lowLatencyHls, false);
        }

        /** CORS answered at the edge (a response headers policy), not by AMS. */
        public boolean corsAtEdge() {
            return corsHeaders && !corsFromServer;
        }
    }

    /** How long CloudFront remembers an error from the origin before asking again. */
    public record ErrorPage(Integer code, Integer cachingMinTtlSeconds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Distribution(String viewerProtocol, String priceClass, String comment, List<String> aliases) {
        public static final List<String> VIEWER_PROTOCOLS = List.of("redirect-to-https", "allow-all", "https-only");
        public static final List<String> PRICE_CLASSES = List.of("PriceClass_All", "PriceClass_200", "PriceClass_100");

        /** Without aliases: the distribution's alternate domain names are left as they are. */
        public Distribution(String viewerProtocol, String priceClass, String comment) {
            this(viewerProtocol, priceClass, comment, null);
        }

        /** {@code aliases}: null leaves the distribution's own addresses alone; a list (even empty) is what apply converges to. */
        public Distribution {
            aliases = aliases == null ? null : aliases.stream().map(a -> a.trim().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
            viewerProtocol = Objects.requireNonNullElse(viewerProtocol, "redirect-to-https");
            priceClass = Objects.requireNonNullElse(priceClass, "PriceClass_All");
            comment = Objects.requireNonNullElse(comment, "");
        }
    }

    /**
     * Who may watch: anyone with the address ({@code open}, the tutorial's way) or viewers with a
     * token ({@code token}: an AMS play JWT checked at CloudFront's edge). The secret is never here.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Access(String mode) {
        public static final String OPEN = "open";
        public static final String TOKEN = "token";
        public static final List<String> MODES = List.of(OPEN, TOKEN);

        public Access {
            mode = Objects.requireNonNullElse(mode, OPEN);
        }

        public boolean tokens() {
            return TOKEN.equals(mode);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stream(String id) {
        public Stream {
            id = id == null ? "" : id.trim();
        }
    }
}
