package org.streamfront.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.streamfront.access.ViewerFunction;
import java.util.function.Function;
import org.streamfront.Messages;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;

/**
 * Reads any distribution — made by hand with the tutorial, or by another tool — into a plan, with
 * advice in plain words for what it sets differently from the live-HLS preset and for what a plan
 * cannot express (those settings stay as they are on update: StreamFront replaces only what it owns).
 */
public final class PlanImport {
    /** The distribution read, its plan (a new plan id; its stream id left for the user), and one line of advice per thing to know. */
    public record Imported(String id, Plan plan, List<String> advice) {
    }

    private PlanImport() {
    }

    /** For a distribution whose cache policies, if any, are StreamFront's (read from their names). */
    public static Imported from(String id, DistributionConfig config) {
        return from(id, config, policyId -> CacheSettings.fromName(policyId).map(CacheSettings::toPolicyConfig));
    }

    /** {@code policies} reads a cache policy by id; empty when it cannot be read. */
    public static Imported from(String id, DistributionConfig config, Function<String, Optional<CachePolicyConfig>> policies) {
        List<String> advice = new ArrayList<>();
        // StreamFront's own viewer check means the plan asks for tokens; someone else's function a plan cannot keep.
        Optional<String> function = DistributionConfigMapper.viewerFunction(config.defaultCacheBehavior());
        boolean tokens = function.map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).filter(n -> n.startsWith(ViewerFunction.FUNCTION_PREFIX)).isPresent();
        if (function.isPresent() && !tokens) {
            advice.add(Messages.get("import.otherFunction", function.get()));
        }
        var behaviour = config.defaultCacheBehavior();
        // The default behaviour sends to an origin, or to a group of two (StreamFront's second server).
        List<String> targets = config.originGroups() == null || config.originGroups().items() == null ? List.of(behaviour.targetOriginId())
                : config.originGroups().items().stream().filter(g -> g.id().equals(behaviour.targetOriginId())).findFirst()
                        .map(g -> g.members().items().stream().map(m -> m.originId()).toList()).orElse(List.of(behaviour.targetOriginId()));
        Function<String, Optional<Origin>> byId = originId -> config.origins().items().stream().filter(o -> o.id().equals(originId)).findFirst();
        Origin origin = byId.apply(targets.getFirst()).orElse(config.origins().items().getFirst());
        String secondary = targets.size() > 1 ? byId.apply(targets.get(1)).map(Origin::domainName).orElse(null) : null;
        if (origin.s3OriginConfig() != null || origin.customOriginConfig() == null) {
            advice.add(Messages.get("import.notCustomOrigin", origin.domainName()));
        }
        if (config.origins().items().size() > targets.size()) {
            advice.add(Messages.get("import.otherOrigins", config.origins().items().size() - targets.size()));
        }
        String path = origin.originPath() == null ? "" : origin.originPath().replaceAll("^/+|/+$", "");
        if (path.isEmpty()) {
            advice.add(Messages.get("import.noApplication"));
        }
        var custom = origin.customOriginConfig();
        // Timeouts other than the live ones are advice, and the plan takes the live ones.
        Integer timeout = origin.connectionTimeout();
        Integer attempts = origin.connectionAttempts();
        if (timeout != null && attempts != null && (timeout != Plan.Origin.LIVE_CONNECTION_TIMEOUT
                || attempts != Plan.Origin.LIVE_CONNECTION_ATTEMPTS)) {
            advice.add(Messages.get("import.timeouts", timeout, attempts, Plan.Origin.LIVE_CONNECTION_TIMEOUT,
                    Plan.Origin.LIVE_CONNECTION_ATTEMPTS));
        }
        String shield = origin.originShield() != null && Boolean.TRUE.equals(origin.originShield().enabled())
                ? origin.originShield().originShieldRegion() : null;
        Plan.Origin planOrigin = new Plan.Origin(origin.domainName(), path.isEmpty() ? null : path,
                custom == null ? null : custom.originProtocolPolicyAsString(),
                custom == null ? null : custom.httpPort(), custom == null ? null : custom.httpsPort(), null, null, shield, secondary);

        // What the default behaviour keeps, from its cache policy or the older fields.
        Optional<CacheSettings> keeps = CacheSettings.ofBehaviour(behaviour.cachePolicyId(), behaviour.forwardedValues(),
                behaviour.minTTL(), behaviour.defaultTTL(), behaviour.maxTTL(), policies);
        if (keeps.isEmpty()) {
            advice.add(Messages.get("import.policies"));
        }
        String queryStrings = keeps.map(k -> k.queryStrings() ? Plan.Cache.ALL : Plan.Cache.NONE).orElse(Plan.Cache.ALL);
        if (Plan.Cache.NONE.equals(queryStrings) && !tokens) {
            advice.add(Messages.get("import.noQueryStrings"));
        }
        boolean corsFromServer = keeps.map(CacheSettings::corsHeaders).orElse(false);
        boolean cors = corsFromServer || CacheSettings.SIMPLE_CORS_POLICY_ID.equals(behaviour.responseHeadersPolicyId())
                || keeps.map(CacheSettings::legacy).orElse(true);

        Optional<CacheSettings> playlists = behaviour(config, DistributionConfigMapper.PLAYLIST_PATTERN)
                .flatMap(b -> CacheSettings.ofBehaviour(b, policies));
        Integer playlistTtl = playlists.map(p -> (int) p.defaultTtl()).orElse(null);
        if (playlists.isEmpty() || playlists.get().minTtl() == 0) {
            advice.add(Messages.get("import.playlistsByOrigin", Plan.Cache.PRESET_PLAYLIST_TTL));
            playlistTtl = null;
        }
        Optional<CacheSettings> segments = behaviour(config, DistributionConfigMapper.SEGMENT_PATTERNS.getFirst())
                .flatMap(b -> CacheSettings.ofBehaviour(b, policies));
        Integer segmentTtl = segments.map(p -> (int) Math.min(p.maxTtl(), Integer.MAX_VALUE)).orElse(null);
        if (segments.isEmpty()) {
            advice.add(Messages.get("import.segmentsByOrigin", Plan.Cache.PRESET_SEGMENT_TTL));
        }
        long others = config.cacheBehaviors() == null ? 0 : config.cacheBehaviors().items().stream()
                .filter(b -> !b.pathPattern().equals(DistributionConfigMapper.PLAYLIST_PATTERN)
                        && !DistributionConfigMapper.SEGMENT_PATTERNS.contains(b.pathPattern()))
                .count();
        if (others > 0) {
            advice.add(Messages.get("import.otherBehaviours", others));
        }

        List<Plan.ErrorPage> errorPages = new ArrayList<>();
        if (config.customErrorResponses() != null) {
            config.customErrorResponses().items().stream()
                    .filter(r -> DistributionConfigMapper.OFFERED_ERROR_CODES.contains(r.errorCode()))
                    .forEach(r -> errorPages.add(new Plan.ErrorPage(r.errorCode(),
                            r.errorCachingMinTTL() == null ? null : (int) (long) r.errorCachingMinTTL())));
        }
        if (errorPages.stream().noneMatch(p -> p.code() == 404)) {
            advice.add(Messages.get("import.no404"));
        }
        if (config.aliases() != null && config.aliases().quantity() != null && config.aliases().quantity() > 0) {
            advice.add(Messages.get("import.aliases", String.join(", ", config.aliases().items())));
        }

        String comment = Optional.ofNullable(config.comment()).orElse("").replaceAll("\\s*\\[streamfront [^]]*]$", "");
        Plan plan = PlanIds.ensure(Plan.empty()
                .withName(comment.isBlank() ? id : comment)
                .withOrigin(planOrigin)
                .withCache(new Plan.Cache(queryStrings, cors, playlistTtl, segmentTtl, corsFromServer))
                .withErrorPages(errorPages.isEmpty() ? List.of(new Plan.ErrorPage(404, 3)) : errorPages)
                .withDistribution(new Plan.Distribution(behaviour.viewerProtocolPolicyAsString(), config.priceClassAsString(), comment,
                        DistributionConfigMapper.aliases(config).isEmpty() ? null : DistributionConfigMapper.aliases(config)))
                .withAccess(new Plan.Access(tokens ? Plan.Access.TOKEN : Plan.Access.OPEN)));
        PlanRules.validate(plan).forEach(p -> advice.add(Messages.get("import.problem", p)));
        return new Imported(id, plan, advice);
    }

    private static Optional<CacheBehavior> behaviour(DistributionConfig config, String pattern) {
        return config.cacheBehaviors() == null ? Optional.empty()
                : config.cacheBehaviors().items().stream().filter(b -> pattern.equals(b.pathPattern())).findFirst();
    }
}
