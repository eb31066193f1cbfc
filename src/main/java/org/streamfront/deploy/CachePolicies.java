package org.streamfront.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.streamfront.Messages;
import org.streamfront.aws.Retry;
import org.streamfront.plan.CacheSettings;
import org.streamfront.plan.Plan;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyConfig;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyInUseException;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyType;
import software.amazon.awssdk.services.cloudfront.model.NoSuchCachePolicyException;
import software.amazon.awssdk.services.cloudfront.model.TooManyCachePoliciesException;

/**
 * StreamFront's cache policies in an account: shared by content (the name says what is in it),
 * made when a plan needs one that is missing, found again when present, and deleted once no
 * distribution uses them. An account holds at most 20 custom cache policies.
 */
public final class CachePolicies {
    private final Supplier<CloudFrontClient> client;
    private final Retry retry;

    public CachePolicies(Supplier<CloudFrontClient> client, Retry retry) {
        this.client = client;
        this.retry = retry;
    }

    /** The ids of the policies the plan's behaviours use, making those that are missing. */
    public Function<CacheSettings, String> ensure(Plan plan, Progress progress) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> existing = custom(progress);
        for (CacheSettings wanted : List.of(CacheSettings.playlists(plan.cache()), CacheSettings.segments(plan.cache()))) {
            if (ids.containsKey(wanted.name())) {
                continue;
            }
            String id = existing.get(wanted.name());
            if (id == null) {
                id = create(wanted, existing, progress);
            }
            ids.put(wanted.name(), id);
        }
        return settings -> {
            String id = ids.get(settings.name());
            if (id == null) {
                throw new IllegalStateException("no cache policy was made for " + settings.name());
            }
            return id;
        };
    }

    private String create(CacheSettings wanted, Map<String, String> existing, Progress progress) throws Exception {
        progress.log(Messages.get("deploy.log.policyCreated", wanted.name()));
        try {
            return retry.call("create policy", () -> client.get().createCachePolicy(b -> b.cachePolicyConfig(wanted.toPolicyConfig()))
                    .cachePolicy().id(), progress);
        } catch (CachePolicyAlreadyExistsException madeMeanwhile) {
            // Another plan (or this one's earlier, unanswered call) made it meanwhile: it is the one.
            return Optional.ofNullable(custom(progress).get(wanted.name())).orElseThrow(() -> madeMeanwhile);
        } catch (TooManyCachePoliciesException full) {
            throw new LifecycleException(Messages.get("deploy.policyQuota", existing.size(), String.join(", ", existing.keySet())));
        }
    }

    /** Every custom cache policy in the account, by name. */
    private Map<String, String> custom(Progress progress) throws Exception {
        return retry.call("list policies", () -> {
            Map<String, String> byName = new LinkedHashMap<>();
            String marker = null;
            do {
                String from = marker;
                var list = client.get().listCachePolicies(b -> b.type(CachePolicyType.CUSTOM).maxItems("100").marker(from)).cachePolicyList();
                if (list.items() != null) {
                    list.items().forEach(s -> byName.put(s.cachePolicy().cachePolicyConfig().name(), s.cachePolicy().id()));
                }
                marker = list.nextMarker();
            } while (marker != null && !marker.isEmpty());
            return byName;
        }, progress);
    }

    /** A policy's settings by id (managed or custom), for comparing a distribution with a plan. */
    public Optional<CachePolicyConfig> read(String id, Progress progress) throws Exception {
        try {
            return Optional.of(retry.call("get policy", () -> client.get().getCachePolicy(b -> b.id(id)).cachePolicy().cachePolicyConfig(),
                    progress));
        } catch (NoSuchCachePolicyException gone) {
            return Optional.empty();
        }
    }

    /**
     * Deletes StreamFront's policies that no distribution uses any more; one still in use (by any
     * distribution, StreamFront's or not) stays. Returns the names deleted.
     */
    public List<String> deleteUnused(Progress progress) throws Exception {
        List<String> deleted = new ArrayList<>();
        for (var policy : custom(progress).entrySet()) {
            if (!policy.getKey().startsWith(CacheSettings.PREFIX)) {
                continue;
            }
            String id = policy.getValue();
            var users = retry.call("policy users", () -> client.get().listDistributionsByCachePolicyId(b -> b.cachePolicyId(id))
                    .distributionIdList(), progress);
            if (users.items() != null && !users.items().isEmpty()) {
                continue;
            }
            try {
                String etag = retry.call("get policy", () -> client.get().getCachePolicy(b -> b.id(id)).eTag(), progress);
                retry.call("delete policy", () -> client.get().deleteCachePolicy(b -> b.id(id).ifMatch(etag)), progress);
                deleted.add(policy.getKey());
            } catch (CachePolicyInUseException | NoSuchCachePolicyException takenOrGone) {
                // a distribution started using it meanwhile, or someone else deleted it: either way, nothing to do
            }
        }
        if (!deleted.isEmpty()) {
            progress.log(Messages.get("deploy.log.policiesDeleted", String.join(", ", deleted)));
        }
        return deleted;
    }
}
