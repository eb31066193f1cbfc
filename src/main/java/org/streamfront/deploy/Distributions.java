package org.streamfront.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.streamfront.Messages;
import org.streamfront.aws.Retry;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/**
 * Creates, reads and tears down the distributions of plans. One plan never makes two
 * distributions: the plan id is the CallerReference and sits in the comment, the intent is in the
 * history before the call, and a create that may have happened is looked for before it is repeated.
 */
public final class Distributions {
    private final Supplier<CloudFrontClient> client;
    private final History history;
    private final Retry retry;
    private final DeployWatcher watcher;

    public Distributions(Supplier<CloudFrontClient> client, History history, Retry retry, DeployWatcher watcher) {
        this.client = client;
        this.history = history;
        this.retry = retry;
        this.watcher = watcher;
    }

    public History history() {
        return history;
    }

    public DeployWatcher watcher() {
        return watcher;
    }

    /** The plan's distribution: the one it already made, or a new one. */
    public Snapshot create(Plan plan, Progress progress) throws Exception {
        HistoryEntry entry = history.forPlan(plan.planId())
                .orElse(new HistoryEntry(plan.planId(), plan.name(), plan.stream().id(), HistoryEntry.State.CREATING,
                        null, null, null, null));
        if (entry.distributionId() != null && entry.state() != HistoryEntry.State.DELETED) {
            progress.log(Messages.get("deploy.log.alreadyMade", entry.distributionId()));
            return get(entry.distributionId(), progress);
        }
        history.put(entry.with(HistoryEntry.State.CREATING));
        if (entry.state() == HistoryEntry.State.CREATING) {
            // A create was under way when StreamFront stopped: it may have reached CloudFront.
            Optional<Snapshot> earlier = findByPlan(plan.planId(), progress);
            if (earlier.isPresent()) {
                return adopt(entry, earlier.get(), progress);
            }
        }
        progress.log(Messages.get("deploy.log.creating"));
        boolean withTags = true;
        while (true) {
            boolean tagged = withTags;
            try {
                Snapshot made = retry.call("create", () -> createOnce(plan, tagged), progress);
                history.put(entry.created(made.id(), made.domain(), Instant.now()));
                progress.log(Messages.get("deploy.log.created", made.id(), made.domain()));
                return made;
            } catch (DistributionAlreadyExistsException e) {
                Snapshot existing = findByPlan(plan.planId(), progress).orElseThrow(() -> e);
                return adopt(entry, existing, progress);
            } catch (AwsServiceException e) {
                if (tagged && isTaggingDenied(e)) {
                    progress.log(Messages.get("deploy.log.noTags"));
                    withTags = false;
                    continue;
                }
                throw e;
            }
        }
    }

    private Snapshot adopt(HistoryEntry entry, Snapshot found, Progress progress) {
        progress.log(Messages.get("deploy.log.found", found.id()));
        history.put(entry.created(found.id(), found.domain(), Optional.ofNullable(found.lastModified()).orElse(Instant.now())));
        return found;
    }

    private Snapshot createOnce(Plan plan, boolean withTags) {
        var config = DistributionConfigMapper.toConfig(plan);
        if (withTags) {
            var r = client.get().createDistributionWithTags(b -> b.distributionConfigWithTags(c -> c
                    .distributionConfig(config).tags(DistributionConfigMapper.tags(plan))));
            return Snapshot.of(r.distribution(), r.eTag());
        }
        var r = client.get().createDistribution(b -> b.distributionConfig(config));
        return Snapshot.of(r.distribution(), r.eTag());
    }

    static boolean isTaggingDenied(AwsServiceException e) {
        return e.awsErrorDetails() != null && "AccessDenied".equals(e.awsErrorDetails().errorCode())
                && String.valueOf(e.awsErrorDetails().errorMessage()).contains("TagResource");
    }

    public Snapshot get(String id, Progress progress) throws Exception {
        return retry.call("get", () -> read(id), progress);
    }

    /** One GetDistribution call, no retries: the watcher paces itself. */
    Snapshot read(String id) {
        var r = client.get().getDistribution(b -> b.id(id));
        return Snapshot.of(r.distribution(), r.eTag());
    }

    /** The distribution whose comment carries the plan id, if CloudFront has one. */
    public Optional<Snapshot> findByPlan(String planId, Progress progress) throws Exception {
        return listOurs(progress).stream()
                .filter(s -> DistributionConfigMapper.planIdInComment(s.comment()).filter(planId::equals).isPresent())
                .findFirst();
    }

    /** Every distribution StreamFront made in this account (its comment carries a plan id). */
    public List<Snapshot> listOurs(Progress progress) throws Exception {
        return retry.call("list", () -> {
            List<Snapshot> ours = new ArrayList<>();
            for (var page : client.get().listDistributionsPaginator(b -> b.maxItems("100"))) {
                for (DistributionSummary s : page.distributionList().items()) {
                    if (DistributionConfigMapper.planIdInComment(s.comment()).isPresent()) {
                        ours.add(Snapshot.of(s));
                    }
                }
            }
            return ours;
        }, progress);
    }

    /** Disable, wait until CloudFront has deployed that, delete. Safe to run again after a stop. */
    public void teardown(String id, Progress progress) throws Exception {
        history.forDistribution(id).ifPresent(e -> history.put(e.with(HistoryEntry.State.TEARING_DOWN)));
        for (int tries = 0; ; tries++) {
            var current = retry.call("get config", () -> client.get().getDistributionConfig(b -> b.id(id)), progress);
            if (!Boolean.TRUE.equals(current.distributionConfig().enabled())) {
                break;
            }
            progress.log(Messages.get("deploy.log.disabling"));
            try {
                retry.call("disable", () -> client.get().updateDistribution(b -> b.id(id).ifMatch(current.eTag())
                        .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build())), progress);
                break;
            } catch (PreconditionFailedException e) {
                if (tries >= 2) {
                    throw e;
                }
                progress.log(Messages.get("deploy.log.changedMeanwhile"));
            }
        }
        progress.log(Messages.get("deploy.log.waitDisabled"));
        Snapshot disabled = watcher.awaitDeployed(id, this, progress, null);
        for (int tries = 0; ; tries++) {
            String etag = tries == 0 ? disabled.etag() : get(id, progress).etag();
            try {
                retry.call("delete", () -> client.get().deleteDistribution(b -> b.id(id).ifMatch(etag)), progress);
                break;
            } catch (PreconditionFailedException | DistributionNotDisabledException e) {
                if (tries >= 2) {
                    throw e;
                }
                progress.log(Messages.get("deploy.log.notYetDisabled"));
                watcher.awaitDeployed(id, this, progress, null);
            }
        }
        history.forDistribution(id).ifPresent(e -> history.put(e.with(HistoryEntry.State.DELETED)));
        progress.log(Messages.get("deploy.log.deleted", id));
    }

    /** Marks the plan's distribution deployed in the history, for estimates and resume. */
    void recordDeployed(String id) {
        history.forDistribution(id).filter(e -> e.state() == HistoryEntry.State.DEPLOYING)
                .ifPresent(e -> history.put(e.deployed(Instant.now())));
    }
}
