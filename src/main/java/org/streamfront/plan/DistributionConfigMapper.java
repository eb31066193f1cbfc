package org.streamfront.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.CachedMethods;
import software.amazon.awssdk.services.cloudfront.model.CookiePreference;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponse;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponses;
import software.amazon.awssdk.services.cloudfront.model.CustomHeaders;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.GeoRestriction;
import software.amazon.awssdk.services.cloudfront.model.Headers;
import software.amazon.awssdk.services.cloudfront.model.HttpVersion;
import software.amazon.awssdk.services.cloudfront.model.ItemSelection;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginSslProtocols;
import software.amazon.awssdk.services.cloudfront.model.Origins;
import software.amazon.awssdk.services.cloudfront.model.Restrictions;
import software.amazon.awssdk.services.cloudfront.model.SslProtocol;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.Tags;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;

/**
 * The one place where a plan becomes a CloudFront distribution config (DESIGN.md section 4):
 * the tutorial's origin and query-string settings, CORS headers, live-HLS cache behaviours and
 * short error caching, with the plan id in the comment so a retried create can find its distribution.
 */
public final class DistributionConfigMapper {
    public static final String ORIGIN_ID = "ams-origin";
    public static final String PLAN_TAG = "streamfront:plan-id";
    public static final String STREAM_TAG = "streamfront:stream-id";
    public static final String CREATED_BY_TAG = "created-by";
    public static final String CREATED_BY = "StreamFront";
    /** AMS adds CORS headers only when the request carries Origin; browsers' preflights need the other two. */
    public static final List<String> CORS_HEADERS =
            List.of("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");
    public static final List<String> SEGMENT_PATTERNS = List.of("*.ts", "*.m4s", "*.fmp4");
    public static final String PLAYLIST_PATTERN = "*.m3u8";
    private static final String PLAN_MARK = "[streamfront ";
    /** The error codes StreamFront offers short caching for; others on a distribution are someone else's. */
    public static final List<Integer> OFFERED_ERROR_CODES = List.of(404, 500, 502, 503, 504);

    private DistributionConfigMapper() {
    }

    /** The config for a valid plan that has its plan id; refuses anything else so nothing bad is ever sent. */
    public static DistributionConfig toConfig(Plan plan) {
        List<Problem> problems = PlanRules.validate(plan);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid plan: " + problems);
        }
        if (plan.planId() == null || plan.planId().isBlank()) {
            throw new IllegalArgumentException("a plan needs its plan id before it becomes a config");
        }
        Plan.Cache cache = plan.cache();
        String viewerProtocol = plan.distribution().viewerProtocol();
        return DistributionConfig.builder()
                .callerReference(plan.planId())
                .comment(comment(plan))
                .enabled(true)
                .origins(Origins.builder().quantity(1).items(origin(plan.origin())).build())
                .defaultCacheBehavior(defaultBehavior(cache, viewerProtocol))
                .cacheBehaviors(behaviors(cache, viewerProtocol))
                .customErrorResponses(errorResponses(plan.errorPages()))
                .priceClass(plan.distribution().priceClass())
                .httpVersion(HttpVersion.HTTP2)
                .isIPV6Enabled(true)
                .defaultRootObject("")
                .webACLId("")
                .aliases(a -> a.quantity(0))
                .viewerCertificate(ViewerCertificate.builder().cloudFrontDefaultCertificate(true).build())
                .restrictions(Restrictions.builder()
                        .geoRestriction(GeoRestriction.builder().restrictionType("none").quantity(0).build())
                        .build())
                .build();
    }

    /**
     * The current config with the plan's settings in the fields StreamFront owns — its origin, its
     * behaviours (default, playlists, segments), the error pages it offers, price class, comment —
     * and everything else left as it is: other origins and behaviours, aliases, certificate, WAF,
     * logging, whether it is enabled, and the CallerReference, which CloudFront never lets change.
     */
    public static DistributionConfig merge(DistributionConfig current, Plan plan) {
        String ourId = ourOriginId(current);
        DistributionConfig wanted = toConfig(plan);
        List<Origin> origins = new ArrayList<>();
        wanted.origins().items().forEach(o -> origins.add(o.toBuilder().id(ourId).build()));
        current.origins().items().stream().filter(o -> !ourId.equals(o.id())).forEach(origins::add);
        Set<String> ourPatterns = new HashSet<>(SEGMENT_PATTERNS);
        ourPatterns.add(PLAYLIST_PATTERN);
        List<CacheBehavior> behaviors = new ArrayList<>();
        wanted.cacheBehaviors().items().forEach(b -> behaviors.add(b.toBuilder().targetOriginId(ourId).build()));
        if (current.cacheBehaviors() != null) {
            current.cacheBehaviors().items().stream().filter(b -> !ourPatterns.contains(b.pathPattern())).forEach(behaviors::add);
        }
        List<CustomErrorResponse> errors = new ArrayList<>(wanted.customErrorResponses().items());
        if (current.customErrorResponses() != null) {
            current.customErrorResponses().items().stream()
                    .filter(r -> !OFFERED_ERROR_CODES.contains(r.errorCode())).forEach(errors::add);
        }
        return current.toBuilder()
                .origins(Origins.builder().quantity(origins.size()).items(origins).build())
                .defaultCacheBehavior(wanted.defaultCacheBehavior().toBuilder().targetOriginId(ourId).build())
                .cacheBehaviors(CacheBehaviors.builder().quantity(behaviors.size()).items(behaviors).build())
                .customErrorResponses(CustomErrorResponses.builder().quantity(errors.size()).items(errors.isEmpty() ? null : errors).build())
                .priceClass(wanted.priceClass())
                .comment(wanted.comment())
                .build();
    }

    /**
     * Which origin of a distribution is the AMS one StreamFront owns: its own id when StreamFront made
     * it, else (a distribution made by hand) the origin the default behaviour sends to.
     */
    public static String ourOriginId(DistributionConfig config) {
        boolean ours = config.origins() != null && config.origins().items().stream().anyMatch(o -> ORIGIN_ID.equals(o.id()));
        return ours || config.defaultCacheBehavior() == null ? ORIGIN_ID : config.defaultCacheBehavior().targetOriginId();
    }

    public static Tags tags(Plan plan) {
        var tags = new ArrayList<Tag>();
        tags.add(Tag.builder().key(PLAN_TAG).value(plan.planId()).build());
        tags.add(Tag.builder().key(CREATED_BY_TAG).value(CREATED_BY).build());
        if (!plan.stream().id().isBlank()) {
            tags.add(Tag.builder().key(STREAM_TAG).value(plan.stream().id()).build());
        }
        return Tags.builder().items(tags).build();
    }

    /** The user's comment followed by the plan id; CloudFront allows 128 characters in all. */
    public static String comment(Plan plan) {
        String user = plan.distribution().comment().isBlank() ? plan.name() : plan.distribution().comment();
        String mark = PLAN_MARK + plan.planId() + "]";
        String text = user.isBlank() ? mark : user.strip() + " " + mark;
        return text.length() <= 128 ? text : text.substring(text.length() - 128);
    }

    /** The plan id that {@link #comment} wrote into a distribution's comment, if any. */
    public static Optional<String> planIdInComment(String comment) {
        if (comment == null) {
            return Optional.empty();
        }
        int at = comment.lastIndexOf(PLAN_MARK);
        int end = comment.lastIndexOf(']');
        return at >= 0 && end > at ? Optional.of(comment.substring(at + PLAN_MARK.length(), end)) : Optional.empty();
    }

    private static Origin origin(Plan.Origin o) {
        return Origin.builder()
                .id(ORIGIN_ID)
                .domainName(o.domain())
                .originPath(o.originPath())
                .customHeaders(CustomHeaders.builder().quantity(0).build())
                .customOriginConfig(CustomOriginConfig.builder()
                        .httpPort(o.httpPort())
                        .httpsPort(o.httpsPort())
                        .originProtocolPolicy(o.protocol())
                        .originSslProtocols(OriginSslProtocols.builder().quantity(1).items(SslProtocol.TLS_V1_2).build())
                        .originReadTimeout(30)
                        .originKeepaliveTimeout(5)
                        .build())
                .connectionAttempts(3)
                .connectionTimeout(10)
                .build();
    }

    private static ForwardedValues forwarded(Plan.Cache cache) {
        List<String> headers = cache.corsHeaders() ? CORS_HEADERS : List.of();
        return ForwardedValues.builder()
                .queryString(Plan.Cache.ALL.equals(cache.queryStrings()))
                .cookies(CookiePreference.builder().forward(ItemSelection.NONE).build())
                .headers(Headers.builder().quantity(headers.size()).items(headers.isEmpty() ? null : headers).build())
                .build();
    }

    private static AllowedMethods methods() {
        List<Method> methods = List.of(Method.GET, Method.HEAD, Method.OPTIONS);
        return AllowedMethods.builder().quantity(3).items(methods)
                .cachedMethods(CachedMethods.builder().quantity(3).items(methods).build())
                .build();
    }

    /** Everything that is not a playlist or a segment (AMS's player page, scripts): the origin's headers rule. */
    private static DefaultCacheBehavior defaultBehavior(Plan.Cache cache, String viewerProtocol) {
        return DefaultCacheBehavior.builder()
                .targetOriginId(ORIGIN_ID)
                .viewerProtocolPolicy(viewerProtocol)
                .allowedMethods(methods())
                .forwardedValues(forwarded(cache))
                .minTTL(0L).defaultTTL(86_400L).maxTTL(31_536_000L)
                .compress(true)
                .smoothStreaming(false)
                .fieldLevelEncryptionId("")
                .trustedSigners(t -> t.enabled(false).quantity(0))
                .trustedKeyGroups(t -> t.enabled(false).quantity(0))
                .lambdaFunctionAssociations(l -> l.quantity(0))
                .functionAssociations(f -> f.quantity(0))
                .build();
    }

    /**
     * AMS marks playlists max-age=0, which would send every viewer's request to the origin: cache
     * them for about half a segment. Segments keep the origin's 10 s, capped, because segment names
     * restart when a broadcast restarts.
     */
    private static CacheBehaviors behaviors(Plan.Cache cache, String viewerProtocol) {
        long playlist = cache.playlistTtlSeconds();
        long segment = cache.segmentTtlSeconds();
        var items = new ArrayList<CacheBehavior>();
        items.add(behavior(PLAYLIST_PATTERN, cache, viewerProtocol, playlist, playlist, Math.max(playlist, 2 * playlist)));
        for (String pattern : SEGMENT_PATTERNS) {
            items.add(behavior(pattern, cache, viewerProtocol, 0, segment, segment));
        }
        return CacheBehaviors.builder().quantity(items.size()).items(items).build();
    }

    private static CacheBehavior behavior(String pattern, Plan.Cache cache, String viewerProtocol,
                                          long min, long def, long max) {
        return CacheBehavior.builder()
                .pathPattern(pattern)
                .targetOriginId(ORIGIN_ID)
                .viewerProtocolPolicy(viewerProtocol)
                .allowedMethods(methods())
                .forwardedValues(forwarded(cache))
                .minTTL(min).defaultTTL(def).maxTTL(max)
                .compress(pattern.equals(PLAYLIST_PATTERN))
                .smoothStreaming(false)
                .fieldLevelEncryptionId("")
                .trustedSigners(t -> t.enabled(false).quantity(0))
                .trustedKeyGroups(t -> t.enabled(false).quantity(0))
                .lambdaFunctionAssociations(l -> l.quantity(0))
                .functionAssociations(f -> f.quantity(0))
                .build();
    }

    private static CustomErrorResponses errorResponses(List<Plan.ErrorPage> pages) {
        List<CustomErrorResponse> items = pages.stream()
                .map(p -> CustomErrorResponse.builder().errorCode(p.code()).errorCachingMinTTL((long) p.cachingMinTtlSeconds()).build())
                .toList();
        return CustomErrorResponses.builder().quantity(items.size()).items(items.isEmpty() ? null : items).build();
    }
}
