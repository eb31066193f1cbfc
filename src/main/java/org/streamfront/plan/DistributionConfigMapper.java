package org.streamfront.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.CachedMethods;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponse;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponses;
import software.amazon.awssdk.services.cloudfront.model.CustomHeaders;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.EventType;
import software.amazon.awssdk.services.cloudfront.model.FunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.FunctionAssociations;
import org.streamfront.access.ViewerFunction;
import software.amazon.awssdk.services.cloudfront.model.GeoRestriction;
import software.amazon.awssdk.services.cloudfront.model.HttpVersion;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginGroup;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMember;
import software.amazon.awssdk.services.cloudfront.model.OriginGroups;
import software.amazon.awssdk.services.cloudfront.model.OriginShield;
import software.amazon.awssdk.services.cloudfront.model.OriginSslProtocols;
import software.amazon.awssdk.services.cloudfront.model.Origins;
import software.amazon.awssdk.services.cloudfront.model.Restrictions;
import software.amazon.awssdk.services.cloudfront.model.SslProtocol;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.Tags;
import software.amazon.awssdk.services.cloudfront.model.MinimumProtocolVersion;
import software.amazon.awssdk.services.cloudfront.model.SSLSupportMethod;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;

/**
 * The one place where a plan becomes a CloudFront distribution config (DESIGN.md section 4):
 * the tutorial's origin, live-HLS behaviours whose cache policies hold the query strings and cache
 * times, CORS at the edge, origin timeouts for 2-second segments, Origin Shield, short error
 * caching, and the plan id in the comment so a retried create can find its distribution. No field
 * AWS marks deprecated (ForwardedValues, per-behaviour TTLs) is written.
 */
public final class DistributionConfigMapper {
    public static final String ORIGIN_ID = "ams-origin";
    public static final String SECONDARY_ORIGIN_ID = "ams-origin-2";
    public static final String ORIGIN_GROUP_ID = "ams-failover";
    /** What sends CloudFront to the second server: the first one failing, or not having the stream. */
    public static final List<Integer> FAILOVER_CODES = List.of(404, 500, 502, 503, 504);
    public static final String PLAN_TAG = "streamfront:plan-id";
    public static final String STREAM_TAG = "streamfront:stream-id";
    public static final String CREATED_BY_TAG = "created-by";
    public static final String CREATED_BY = "StreamFront";
    public static final List<String> SEGMENT_PATTERNS = List.of("*.ts", "*.m4s", "*.fmp4");
    public static final String PLAYLIST_PATTERN = "*.m3u8";
    static final int LIVE_READ_TIMEOUT = 10;
    private static final String PLAN_MARK = "[streamfront ";
    /** The error codes StreamFront offers short caching for; others on a distribution are someone else's. */
    public static final List<Integer> OFFERED_ERROR_CODES = List.of(404, 500, 502, 503, 504);

    private DistributionConfigMapper() {
    }

    /**
     * The config with each cache policy given by its name instead of its id: what the plan wants, for
     * reading it (Review, exports, differences). What is sent has the ids (see the other toConfig).
     */
    public static DistributionConfig toConfig(Plan plan) {
        return toConfig(plan, CacheSettings::name, plan.access().tokens() ? ViewerFunction.functionName(plan.planId()) : null);
    }

    /**
     * The config for a valid plan that has its plan id; refuses anything else so nothing bad is ever
     * sent. {@code policyIds} gives the id of the cache policy that holds each behaviour's settings;
     * {@code viewerFunction} is the published function that checks viewer tokens on every behaviour
     * (null: viewers need none). It must be given exactly when the plan asks for tokens.
     */
    public static DistributionConfig toConfig(Plan plan, Function<CacheSettings, String> policyIds, String viewerFunction) {
        List<Problem> problems = PlanRules.validate(plan);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid plan: " + problems);
        }
        if (plan.planId() == null || plan.planId().isBlank()) {
            throw new IllegalArgumentException("a plan needs its plan id before it becomes a config");
        }
        if (plan.access().tokens() != (viewerFunction != null)) {
            throw new IllegalArgumentException("a plan with viewer tokens needs its function, and only such a plan");
        }
        Plan.Cache cache = plan.cache();
        String viewerProtocol = plan.distribution().viewerProtocol();
        return DistributionConfig.builder()
                .callerReference(plan.planId())
                .comment(comment(plan))
                .enabled(true)
                .origins(origins(plan.origin()))
                .originGroups(originGroups(plan.origin(), ORIGIN_ID))
                .defaultCacheBehavior(defaultBehavior(cache, viewerProtocol, target(plan.origin()), policyIds, viewerFunction))
                .cacheBehaviors(behaviors(cache, viewerProtocol, target(plan.origin()), policyIds, viewerFunction))
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
    public static DistributionConfig merge(DistributionConfig current, Plan plan, Function<CacheSettings, String> policyIds,
                                           String viewerFunction) {
        String ourId = ourOriginId(current);
        DistributionConfig wanted = toConfig(plan, policyIds, viewerFunction);
        Set<String> ourOrigins = Set.of(ourId, SECONDARY_ORIGIN_ID);
        List<Origin> origins = new ArrayList<>();
        wanted.origins().items().forEach(o -> origins.add(ORIGIN_ID.equals(o.id()) ? o.toBuilder().id(ourId).build() : o));
        current.origins().items().stream().filter(o -> !ourOrigins.contains(o.id())).forEach(origins::add);
        List<OriginGroup> groups = new ArrayList<>(originGroups(plan.origin(), ourId).items());
        if (current.originGroups() != null && current.originGroups().items() != null) {
            current.originGroups().items().stream().filter(g -> !ORIGIN_GROUP_ID.equals(g.id())).forEach(groups::add);
        }
        String target = plan.origin().hasSecondary() ? ORIGIN_GROUP_ID : ourId;
        Set<String> ourPatterns = new HashSet<>(SEGMENT_PATTERNS);
        ourPatterns.add(PLAYLIST_PATTERN);
        List<CacheBehavior> behaviors = new ArrayList<>();
        wanted.cacheBehaviors().items().forEach(b -> behaviors.add(b.toBuilder().targetOriginId(target).build()));
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
                .originGroups(OriginGroups.builder().quantity(groups.size()).items(groups.isEmpty() ? null : groups).build())
                .defaultCacheBehavior(wanted.defaultCacheBehavior().toBuilder().targetOriginId(target).build())
                .cacheBehaviors(CacheBehaviors.builder().quantity(behaviors.size()).items(behaviors).build())
                .customErrorResponses(CustomErrorResponses.builder().quantity(errors.size()).items(errors.isEmpty() ? null : errors).build())
                .priceClass(wanted.priceClass())
                .comment(wanted.comment())
                .build();
    }

    /**
     * The config serving these alternate domain names with this ACM certificate (SNI, a current TLS
     * policy), or none with CloudFront's own certificate again.
     */
    public static DistributionConfig withAliases(DistributionConfig config, List<String> aliases, String certificateArn) {
        if (aliases.isEmpty()) {
            return config.toBuilder().aliases(a -> a.quantity(0).items((List<String>) null))
                    .viewerCertificate(ViewerCertificate.builder().cloudFrontDefaultCertificate(true).build()).build();
        }
        return config.toBuilder().aliases(a -> a.quantity(aliases.size()).items(aliases))
                .viewerCertificate(ViewerCertificate.builder().acmCertificateArn(certificateArn)
                        .sslSupportMethod(SSLSupportMethod.SNI_ONLY).minimumProtocolVersion(MinimumProtocolVersion.TLS_V1_2_2021).build())
                .build();
    }

    /** The alternate domain names a config has (none: an empty list). */
    public static List<String> aliases(DistributionConfig config) {
        return config.aliases() == null || !config.aliases().hasItems() ? List.of() : List.copyOf(config.aliases().items());
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

    private static Origins origins(Plan.Origin o) {
        List<Origin> items = new ArrayList<>();
        items.add(origin(o, ORIGIN_ID, o.domain()));
        if (o.hasSecondary()) {
            items.add(origin(o, SECONDARY_ORIGIN_ID, o.secondaryDomain()));
        }
        return Origins.builder().quantity(items.size()).items(items).build();
    }

    /** With a second server, the behaviours send to a group that falls back to it. */
    private static String target(Plan.Origin o) {
        return o.hasSecondary() ? ORIGIN_GROUP_ID : ORIGIN_ID;
    }

    private static OriginGroups originGroups(Plan.Origin o, String primaryId) {
        if (!o.hasSecondary()) {
            return OriginGroups.builder().quantity(0).build();
        }
        OriginGroup group = OriginGroup.builder()
                .id(ORIGIN_GROUP_ID)
                .failoverCriteria(f -> f.statusCodes(c -> c.quantity(FAILOVER_CODES.size()).items(FAILOVER_CODES)))
                .members(m -> m.quantity(2).items(OriginGroupMember.builder().originId(primaryId).build(),
                        OriginGroupMember.builder().originId(SECONDARY_ORIGIN_ID).build()))
                .build();
        return OriginGroups.builder().quantity(1).items(group).build();
    }

    private static Origin origin(Plan.Origin o, String id, String host) {
        return Origin.builder()
                .id(id)
                .domainName(host)
                .originPath(o.originPath())
                .customHeaders(CustomHeaders.builder().quantity(0).build())
                .customOriginConfig(CustomOriginConfig.builder()
                        .httpPort(o.httpPort())
                        .httpsPort(o.httpsPort())
                        .originProtocolPolicy(o.protocol())
                        .originSslProtocols(OriginSslProtocols.builder().quantity(1).items(SslProtocol.TLS_V1_2).build())
                        // A segment that has not begun to arrive within 10 s is no use to a live viewer.
                        .originReadTimeout(LIVE_READ_TIMEOUT)
                        .originKeepaliveTimeout(5)
                        .build())
                .connectionAttempts(o.connectionAttempts())
                .connectionTimeout(o.connectionTimeoutSeconds())
                .originShield(o.shielded() ? OriginShield.builder().enabled(true).originShieldRegion(o.shieldRegion()).build()
                        : OriginShield.builder().enabled(false).build())
                .build();
    }

    private static AllowedMethods methods() {
        List<Method> methods = List.of(Method.GET, Method.HEAD, Method.OPTIONS);
        return AllowedMethods.builder().quantity(3).items(methods)
                .cachedMethods(CachedMethods.builder().quantity(3).items(methods).build())
                .build();
    }

    /** Everything that is not a playlist or a segment (AMS's player page, scripts): kept like segments. */
    private static DefaultCacheBehavior defaultBehavior(Plan.Cache cache, String viewerProtocol, String target,
                                                        Function<CacheSettings, String> policyIds, String viewerFunction) {
        CacheBehavior b = behavior("*", CacheSettings.segments(cache), cache, viewerProtocol, target, policyIds, viewerFunction);
        return DefaultCacheBehavior.builder()
                .targetOriginId(b.targetOriginId())
                .viewerProtocolPolicy(b.viewerProtocolPolicy())
                .allowedMethods(b.allowedMethods())
                .cachePolicyId(b.cachePolicyId())
                .responseHeadersPolicyId(b.responseHeadersPolicyId())
                .compress(true)
                .smoothStreaming(false)
                .fieldLevelEncryptionId("")
                .trustedSigners(t -> t.enabled(false).quantity(0))
                .trustedKeyGroups(t -> t.enabled(false).quantity(0))
                .lambdaFunctionAssociations(l -> l.quantity(0))
                .functionAssociations(b.functionAssociations())
                .build();
    }

    /** The playlist behaviour, then one per segment kind; their cache policies carry the live-HLS times. */
    private static CacheBehaviors behaviors(Plan.Cache cache, String viewerProtocol, String target,
                                            Function<CacheSettings, String> policyIds, String viewerFunction) {
        var items = new ArrayList<CacheBehavior>();
        items.add(behavior(PLAYLIST_PATTERN, CacheSettings.playlists(cache), cache, viewerProtocol, target, policyIds, viewerFunction));
        for (String pattern : SEGMENT_PATTERNS) {
            items.add(behavior(pattern, CacheSettings.segments(cache), cache, viewerProtocol, target, policyIds, viewerFunction));
        }
        return CacheBehaviors.builder().quantity(items.size()).items(items).build();
    }

    private static CacheBehavior behavior(String pattern, CacheSettings settings, Plan.Cache cache, String viewerProtocol,
                                          String target, Function<CacheSettings, String> policyIds, String viewerFunction) {
        return CacheBehavior.builder()
                .pathPattern(pattern)
                .targetOriginId(target)
                .viewerProtocolPolicy(viewerProtocol)
                .allowedMethods(methods())
                .cachePolicyId(policyIds.apply(settings))
                // CORS at the edge: the Origin header then never splits the cache (AWS's guidance for media).
                .responseHeadersPolicyId(cache.corsAtEdge() ? CacheSettings.SIMPLE_CORS_POLICY_ID : null)
                .compress(pattern.equals(PLAYLIST_PATTERN))
                .smoothStreaming(false)
                .fieldLevelEncryptionId("")
                .trustedSigners(t -> t.enabled(false).quantity(0))
                .trustedKeyGroups(t -> t.enabled(false).quantity(0))
                .lambdaFunctionAssociations(l -> l.quantity(0))
                // CloudFront picks the behaviour by path before the function runs: every behaviour checks the token.
                .functionAssociations(viewerFunction == null ? FunctionAssociations.builder().quantity(0).build()
                        : FunctionAssociations.builder().quantity(1).items(FunctionAssociation.builder()
                        .functionARN(viewerFunction).eventType(EventType.VIEWER_REQUEST).build()).build())
                .build();
    }

    /** The function that checks viewer tokens on a behaviour, if any (its ARN, or its name in a config made for reading). */
    public static Optional<String> viewerFunction(DefaultCacheBehavior b) {
        if (b == null || b.functionAssociations() == null || !b.functionAssociations().hasItems()) {
            return Optional.empty();
        }
        return b.functionAssociations().items().stream().filter(a -> a.eventType() == EventType.VIEWER_REQUEST)
                .map(FunctionAssociation::functionARN).findFirst();
    }

    private static CustomErrorResponses errorResponses(List<Plan.ErrorPage> pages) {
        List<CustomErrorResponse> items = pages.stream()
                .map(p -> CustomErrorResponse.builder().errorCode(p.code()).errorCachingMinTTL((long) p.cachingMinTtlSeconds()).build())
                .toList();
        return CustomErrorResponses.builder().quantity(items.size()).items(items.isEmpty() ? null : items).build();
    }
}
