package org.streamfront.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.streamfront.Messages;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
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

    public static Imported from(String id, DistributionConfig config) {
        List<String> advice = new ArrayList<>();
        var behaviour = config.defaultCacheBehavior();
        Origin origin = config.origins().items().stream().filter(o -> o.id().equals(behaviour.targetOriginId())).findFirst()
                .orElse(config.origins().items().getFirst());
        if (origin.s3OriginConfig() != null || origin.customOriginConfig() == null) {
            advice.add(Messages.get("import.notCustomOrigin", origin.domainName()));
        }
        if (config.origins().items().size() > 1) {
            advice.add(Messages.get("import.otherOrigins", config.origins().items().size() - 1));
        }
        String path = origin.originPath() == null ? "" : origin.originPath().replaceAll("^/+|/+$", "");
        if (path.isEmpty()) {
            advice.add(Messages.get("import.noApplication"));
        }
        var custom = origin.customOriginConfig();
        Plan.Origin planOrigin = new Plan.Origin(origin.domainName(), path.isEmpty() ? null : path,
                custom == null ? null : custom.originProtocolPolicyAsString(),
                custom == null ? null : custom.httpPort(), custom == null ? null : custom.httpsPort());

        var forwarded = Optional.ofNullable(behaviour.forwardedValues());
        if (forwarded.isEmpty()) {
            advice.add(Messages.get("import.policies"));
        }
        String queryStrings = forwarded.map(f -> Boolean.TRUE.equals(f.queryString()) ? Plan.Cache.ALL : Plan.Cache.NONE).orElse(Plan.Cache.ALL);
        if (Plan.Cache.NONE.equals(queryStrings)) {
            advice.add(Messages.get("import.noQueryStrings"));
        }
        boolean cors = forwarded.map(f -> f.headers() != null && f.headers().items().contains("Origin")).orElse(true);

        Optional<CacheBehavior> playlists = behaviour(config, DistributionConfigMapper.PLAYLIST_PATTERN);
        Integer playlistTtl = playlists.map(b -> b.defaultTTL() == null ? null : (int) (long) b.defaultTTL()).orElse(null);
        if (playlists.isEmpty() || playlists.get().minTTL() == null || playlists.get().minTTL() == 0) {
            advice.add(Messages.get("import.playlistsByOrigin", Plan.Cache.PRESET_PLAYLIST_TTL));
            playlistTtl = null;
        }
        Optional<CacheBehavior> segments = behaviour(config, DistributionConfigMapper.SEGMENT_PATTERNS.getFirst());
        Integer segmentTtl = segments.map(b -> b.maxTTL() == null ? null : (int) Math.min(b.maxTTL(), Integer.MAX_VALUE)).orElse(null);
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
                .withCache(new Plan.Cache(queryStrings, cors, playlistTtl, segmentTtl))
                .withErrorPages(errorPages.isEmpty() ? List.of(new Plan.ErrorPage(404, 3)) : errorPages)
                .withDistribution(new Plan.Distribution(behaviour.viewerProtocolPolicyAsString(), config.priceClassAsString(), comment)));
        PlanRules.validate(plan).forEach(p -> advice.add(Messages.get("import.problem", p)));
        return new Imported(id, plan, advice);
    }

    private static Optional<CacheBehavior> behaviour(DistributionConfig config, String pattern) {
        return config.cacheBehaviors() == null ? Optional.empty()
                : config.cacheBehaviors().items().stream().filter(b -> pattern.equals(b.pathPattern())).findFirst();
    }
}
