package org.streamfront.plan;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyConfig;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyCookieBehavior;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyHeaderBehavior;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyQueryStringBehavior;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.Headers;

/**
 * What one of StreamFront's behaviours keeps and for how long, as a cache policy. Policies are
 * shared by content: the name says everything in it ({@code StreamFront-playlist-1s-qs}), so two
 * plans that want the same settings use one policy, and an account's quota of 20 goes further.
 */
public record CacheSettings(String kind, long minTtl, long defaultTtl, long maxTtl, boolean queryStrings, boolean corsHeaders,
                            boolean lowLatency) {
    public static final String PREFIX = "StreamFront-";
    public static final String PLAYLIST = "playlist";
    public static final String SEGMENT = "segment";
    /** Not a policy: the older per-behaviour fields. */
    public static final String LEGACY = "(older fields)";
    /** CloudFront's managed SimpleCORS response headers policy: Access-Control-Allow-Origin: * for CORS requests. */
    public static final String SIMPLE_CORS_POLICY_ID = "60669652-455b-4ae9-85a4-c4c02393f86c";
    /** What AMS needs to see to answer CORS itself; browsers' preflights need the other two. */
    private static final Pattern NAME = Pattern.compile("StreamFront-(playlist|segment)-(\\d{1,8})s(-qs)?(-llhls)?(-cors)?");
    /** The LL-HLS playlist request's own parameters: which part a player waits for. */
    public static final List<String> LL_HLS_QUERY = List.of("_HLS_msn", "_HLS_part", "_HLS_skip");
    public static final List<String> CORS_HEADERS =
            List.of("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");

    /**
     * AMS marks playlists max-age=0, which would send every viewer's request to the origin: keep them
     * the plan's time whatever AMS says (min = default = max). A maximum of 0 would switch caching
     * off, and with it the query strings in the key, so it is at least 1 s.
     */
    public static CacheSettings playlists(Plan.Cache cache) {
        long ttl = cache.playlistTtlSeconds();
        return new CacheSettings(PLAYLIST, ttl, ttl, Math.max(1, ttl), Plan.Cache.ALL.equals(cache.queryStrings()), cache.corsFromServer(),
                cache.lowLatencyHls() && !Plan.Cache.ALL.equals(cache.queryStrings()));
    }

    /** Segments keep the origin's time up to the plan's, short because names restart with each broadcast. */
    public static CacheSettings segments(Plan.Cache cache) {
        long ttl = cache.segmentTtlSeconds();
        return new CacheSettings(SEGMENT, 0, ttl, Math.max(1, ttl), Plan.Cache.ALL.equals(cache.queryStrings()), cache.corsFromServer(),
                false);
    }

    public String name() {
        return PREFIX + kind + "-" + defaultTtl + "s" + (queryStrings ? "-qs" : "") + (lowLatency ? "-llhls" : "") + (corsHeaders ? "-cors" : "");
    }

    public CachePolicyConfig toPolicyConfig() {
        boolean playlist = PLAYLIST.equals(kind);
        return CachePolicyConfig.builder()
                .name(name())
                .comment("Made by StreamFront for live HLS " + kind + "s; shared by every plan with these settings.")
                .minTTL(minTtl).defaultTTL(defaultTtl).maxTTL(maxTtl)
                .parametersInCacheKeyAndForwardedToOrigin(p -> p
                        .enableAcceptEncodingGzip(playlist).enableAcceptEncodingBrotli(playlist)
                        .queryStringsConfig(q -> {
                            if (queryStrings) {
                                q.queryStringBehavior(CachePolicyQueryStringBehavior.ALL);
                            } else if (lowLatency) {
                                q.queryStringBehavior(CachePolicyQueryStringBehavior.WHITELIST)
                                        .queryStrings(n -> n.quantity(LL_HLS_QUERY.size()).items(LL_HLS_QUERY));
                            } else {
                                q.queryStringBehavior(CachePolicyQueryStringBehavior.NONE);
                            }
                        })
                        .headersConfig(h -> {
                            if (corsHeaders) {
                                h.headerBehavior(CachePolicyHeaderBehavior.WHITELIST)
                                        .headers(Headers.builder().quantity(CORS_HEADERS.size()).items(CORS_HEADERS).build());
                            } else {
                                h.headerBehavior(CachePolicyHeaderBehavior.NONE);
                            }
                        })
                        .cookiesConfig(c -> c.cookieBehavior(CachePolicyCookieBehavior.NONE)))
                .build();
    }

    /** The settings a cache policy holds, whoever made it; empty for one that cannot be read. */
    public static Optional<CacheSettings> of(CachePolicyConfig config) {
        if (config == null || config.parametersInCacheKeyAndForwardedToOrigin() == null) {
            return Optional.empty();
        }
        var keys = config.parametersInCacheKeyAndForwardedToOrigin();
        boolean qs = keys.queryStringsConfig() != null
                && keys.queryStringsConfig().queryStringBehavior() == CachePolicyQueryStringBehavior.ALL;
        boolean cors = keys.headersConfig() != null && keys.headersConfig().headers() != null
                && keys.headersConfig().headers().items().contains("Origin");
        boolean lowLatency = !qs && keys.queryStringsConfig() != null && keys.queryStringsConfig().queryStrings() != null
                && keys.queryStringsConfig().queryStrings().items().contains("_HLS_msn");
        String name = config.name() == null ? "" : config.name();
        String kind = name.startsWith(PREFIX + PLAYLIST) ? PLAYLIST : name.startsWith(PREFIX + SEGMENT) ? SEGMENT : name;
        return Optional.of(new CacheSettings(kind, nz(config.minTTL()), nz(config.defaultTTL()), nz(config.maxTTL()), qs, cors, lowLatency));
    }

    /**
     * What a behaviour keeps, from its cache policy or, for the older fields, from ForwardedValues and
     * its own times; empty when its policy cannot be read.
     */
    public static Optional<CacheSettings> ofBehaviour(String policyId, ForwardedValues forwarded, Long min, Long def, Long max,
                                                      Function<String, Optional<CachePolicyConfig>> policies) {
        if (policyId == null || policyId.isEmpty()) {
            boolean qs = forwarded != null && Boolean.TRUE.equals(forwarded.queryString());
            boolean cors = forwarded != null && forwarded.headers() != null && forwarded.headers().items().contains("Origin");
            return Optional.of(new CacheSettings(LEGACY, nz(min), def == null ? 86_400 : def, max == null ? 31_536_000 : max, qs, cors, false));
        }
        return policies.apply(policyId).flatMap(CacheSettings::of);
    }

    public static Optional<CacheSettings> ofBehaviour(CacheBehavior b, Function<String, Optional<CachePolicyConfig>> policies) {
        return ofBehaviour(b.cachePolicyId(), b.forwardedValues(), b.minTTL(), b.defaultTTL(), b.maxTTL(), policies);
    }

    public boolean legacy() {
        return LEGACY.equals(kind);
    }

    /** StreamFront's settings back from a policy name it gave ({@link #name}); empty for any other name. */
    public static Optional<CacheSettings> fromName(String name) {
        var m = NAME.matcher(name == null ? "" : name);
        if (!m.matches()) {
            return Optional.empty();
        }
        long ttl = Long.parseLong(m.group(2));
        boolean playlist = PLAYLIST.equals(m.group(1));
        return Optional.of(new CacheSettings(m.group(1), playlist ? ttl : 0, ttl, Math.max(1, ttl), m.group(3) != null, m.group(5) != null,
                m.group(4) != null));
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
