package org.streamfront.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.streamfront.Messages;
import org.streamfront.aws.Retry;
import org.streamfront.plan.CacheSettings;
import org.streamfront.plan.ConfigDiff;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanImport;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/**
 * The lifecycle of plans' distributions: create, watch, teardown and resume, each move written to
 * the history before and after the call that makes it ({@link LifecycleState} says which moves
 * exist). One plan never makes two distributions: each create attempt has its own CallerReference
 * (plan id + generation) and the plan id sits in the comment; a create that may have reached
 * CloudFront is looked for by its CallerReference before it is sent again.
 */
public final class Distributions {
    private final Supplier<CloudFrontClient> client;
    private final History history;
    private final Retry retry;
    private final DeployWatcher watcher;
    private final CachePolicies policies;
    /** ACM in us-east-1, for plans that name their own addresses; null where no certificate can be looked up. */
    private final IssuedCertificates certificates;
    /** The viewer-token check at the edge, for plans that ask for tokens; null where none can be made. */
    private final TokenGate gate;

    /** Finds an issued certificate covering every name (own addresses are not this package's business). */
    @FunctionalInterface
    public interface IssuedCertificates {
        Optional<String> issuedFor(List<String> names, Progress progress) throws Exception;
    }

    public Distributions(Supplier<CloudFrontClient> client, History history, Retry retry, DeployWatcher watcher) {
        this(client, history, retry, watcher, null, null);
    }

    public Distributions(Supplier<CloudFrontClient> client, History history, Retry retry, DeployWatcher watcher, IssuedCertificates certificates,
                         TokenGate gate) {
        this.client = client;
        this.history = history;
        this.retry = retry;
        this.watcher = watcher;
        this.policies = new CachePolicies(client, retry);
        this.certificates = certificates;
        this.gate = gate;
    }

    /** The viewer-token check's lifecycle, where this account can have one. */
    public Optional<TokenGate> tokenGate() {
        return Optional.ofNullable(gate);
    }

    /**
     * The config a plan's own addresses need: its aliases and an issued us-east-1 certificate covering
     * them all. Plans without aliases leave the config's as they are.
     */
    private DistributionConfig withPlanAliases(DistributionConfig config, Plan plan, Progress progress) throws Exception {
        List<String> aliases = plan.distribution().aliases();
        if (aliases == null || aliases.equals(DistributionConfigMapper.aliases(config))
                && (aliases.isEmpty() || config.viewerCertificate().acmCertificateArn() != null)) {
            return config;
        }
        return DistributionConfigMapper.withAliases(config, aliases, certificateFor(plan, progress));
    }

    /** An issued certificate covering the plan's aliases; null when it has none. */
    private String certificateFor(Plan plan, Progress progress) throws Exception {
        List<String> aliases = plan.distribution().aliases();
        if (aliases == null || aliases.isEmpty()) {
            return null;
        }
        Optional<String> arn = certificates == null ? Optional.empty() : certificates.issuedFor(aliases, progress);
        if (arn.isEmpty()) {
            throw new LifecycleException(Messages.get("domain.noCertificate", String.join(", ", aliases)));
        }
        return arn.get();
    }

    /**
     * Serves the distribution at exactly these alternate domain names with this certificate (none: at
     * its CloudFront name only). Reads the config and ETag, changes only the names and the certificate,
     * and tries again when someone changed the distribution meanwhile. Nothing is sent when it already matches.
     */
    public Snapshot setAliases(String id, List<String> aliases, String certificateArn, Progress progress) throws Exception {
        for (int tries = 0; ; tries++) {
            var current = retry.call("get config", () -> client.get().getDistributionConfig(b -> b.id(id)), progress);
            DistributionConfig config = current.distributionConfig();
            boolean same = DistributionConfigMapper.aliases(config).equals(aliases)
                    && (aliases.isEmpty() || Objects.equals(config.viewerCertificate().acmCertificateArn(), certificateArn));
            if (same) {
                return get(id, progress);
            }
            try {
                var r = retry.call("update", () -> client.get().updateDistribution(b -> b.id(id).ifMatch(current.eTag())
                        .distributionConfig(DistributionConfigMapper.withAliases(config, aliases, certificateArn))), progress);
                return Snapshot.of(r.distribution(), r.eTag());
            } catch (PreconditionFailedException changedMeanwhile) {
                if (tries >= 2) {
                    throw changedMeanwhile;
                }
                progress.log(Messages.get("deploy.log.changedMeanwhile"));
            }
        }
    }

    public History history() {
        return history;
    }

    /** The plan's distribution: the one it already made, or a new one. Refuses while a teardown is unfinished. */
    public Snapshot create(Plan plan, Progress progress) throws Exception {
        HistoryEntry entry = history.forPlan(plan.planId())
                .orElse(HistoryEntry.fresh(plan.planId(), plan.name(), plan.stream().id()));
        switch (entry.state().resume()) {
            case TEARDOWN -> throw new LifecycleException(Messages.get("deploy.lifecycle.beingDeleted", entry.distributionId()));
            case CREATE -> {
                // A create was under way when StreamFront stopped: it may have reached CloudFront.
                Optional<Snapshot> earlier = findAttempt(entry, progress);
                if (earlier.isPresent()) {
                    return adopt(entry, earlier.get(), progress);
                }
                return send(plan, entry, progress);
            }
            default -> {
                if (entry.distributionId() != null && entry.state() != LifecycleState.DELETED) {
                    progress.log(Messages.get("deploy.log.alreadyMade", entry.distributionId()));
                    try {
                        return get(entry.distributionId(), progress);
                    } catch (NoSuchDistributionException gone) {
                        history.put(entry.with(LifecycleState.DELETED));
                        progress.log(Messages.get("deploy.log.goneElsewhere", entry.distributionId()));
                    }
                }
                HistoryEntry attempt = history.forPlan(plan.planId()).orElse(entry).nextAttempt(plan.name(), plan.stream().id());
                history.put(attempt);
                return send(plan, attempt, progress);
            }
        }
    }

    private Snapshot send(Plan plan, HistoryEntry given, Progress progress) throws Exception {
        HistoryEntry attempt = markEdgeCheck(plan, given);
        Function<CacheSettings, String> policyIds;
        String certificateArn;
        try {
            certificateArn = certificateFor(plan, progress);
        } catch (LifecycleException noCertificate) {
            history.put(attempt.failed("NoCertificate"));
            throw noCertificate;
        }
        try {
            policyIds = policies.ensure(plan, progress);
        } catch (LifecycleException quotaFull) {
            history.put(attempt.failed("TooManyCachePolicies"));
            throw quotaFull;
        }
        String viewerFunction = viewerFunction(plan, progress);
        progress.log(Messages.get("deploy.log.creating"));
        boolean withTags = true;
        while (true) {
            boolean tagged = withTags;
            try {
                Snapshot made = retry.call("create", () -> createOnce(plan, policyIds, viewerFunction, attempt.callerReference(), tagged,
                        certificateArn), progress);
                history.put(attempt.created(made.id(), made.domain(), Instant.now()));
                progress.log(Messages.get("deploy.log.created", made.id(), made.domain()));
                return made;
            } catch (DistributionAlreadyExistsException e) {
                Optional<Snapshot> existing = findAttempt(attempt, progress);
                if (existing.isPresent()) {
                    return adopt(attempt, existing.get(), progress);
                }
                // The reference was spent on a distribution that is gone now: a new attempt, a new reference.
                progress.log(Messages.get("deploy.log.newAttempt"));
                HistoryEntry next = attempt.nextAttempt(plan.name(), plan.stream().id());
                history.put(next);
                return send(plan, next, progress);
            } catch (AwsServiceException e) {
                if (tagged && isTaggingDenied(e)) {
                    progress.log(Messages.get("deploy.log.noTags"));
                    withTags = false;
                    continue;
                }
                if (!Retry.isAmbiguous(e)) {
                    // CloudFront refused it outright: nothing was made, the next create is a new attempt.
                    history.put(attempt.failed(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode()));
                    deleteUnusedPolicies(progress); // made for this create, used by nothing now
                }
                throw e;
            }
        }
    }

    /** Written before the viewer-token check is made: so that a plan whose check may exist tidies it away later. */
    private HistoryEntry markEdgeCheck(Plan plan, HistoryEntry entry) {
        if (!plan.access().tokens() || entry.hasEdgeCheck()) {
            return entry;
        }
        HistoryEntry marked = entry.withEdgeCheck(true);
        history.put(marked);
        return marked;
    }

    /** The published token check a plan with tokens needs on its behaviours (made, tested, published first); null for an open plan. */
    private String viewerFunction(Plan plan, Progress progress) throws Exception {
        if (!plan.access().tokens()) {
            return null;
        }
        if (gate == null) {
            throw new LifecycleException(Messages.get("token.unavailable"));
        }
        return gate.ensure(plan, progress);
    }

    private Snapshot adopt(HistoryEntry entry, Snapshot found, Progress progress) {
        progress.log(Messages.get("deploy.log.found", found.id()));
        HistoryEntry made = entry.created(found.id(), found.domain(), Optional.ofNullable(found.lastModified()).orElse(Instant.now()));
        history.put(made);
        if (found.deployed()) {
            history.put(made.deployed(Instant.now()));
        }
        return found;
    }

    /**
     * Deletes the plan's viewer-token check (function, then store) when the history says it may exist
     * and the distribution no longer uses it: once a change that turned tokens off has deployed
     * ({@code unlessUsed}: its config is read first), or after a teardown. Best effort: what is left
     * is tried again by the next deploy or teardown.
     */
    private void removeViewerCheck(String id, boolean unlessUsed, Progress progress) {
        Optional<HistoryEntry> entry = history.forDistribution(id).filter(HistoryEntry::hasEdgeCheck);
        if (gate == null || entry.isEmpty()) {
            return;
        }
        try {
            if (unlessUsed && DistributionConfigMapper.viewerFunction(retry.call("get config",
                    () -> client.get().getDistributionConfig(b -> b.id(id)), progress).distributionConfig().defaultCacheBehavior()).isPresent()) {
                return;
            }
            if (gate.remove(entry.get().planId(), progress)) {
                history.forDistribution(id).ifPresent(e -> history.put(e.withEdgeCheck(false)));
            }
        } catch (Exception leftForLater) {
            if (leftForLater instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            progress.log(Messages.get("token.log.left"));
        }
    }

    /** Best effort: a policy left over is tidied by the next teardown, never worth failing for. */
    private void deleteUnusedPolicies(Progress progress) {
        try {
            policies.deleteUnused(progress);
        } catch (Exception leftForLater) {
            progress.log(Messages.get("deploy.log.policiesLeft"));
        }
    }

    private Snapshot createOnce(Plan plan, Function<CacheSettings, String> policyIds, String viewerFunction, String callerReference,
                                boolean withTags, String certificateArn) {
        var config = DistributionConfigMapper.toConfig(plan, policyIds, viewerFunction).toBuilder().callerReference(callerReference).build();
        if (certificateArn != null) {
            config = DistributionConfigMapper.withAliases(config, plan.distribution().aliases(), certificateArn);
        }
        var sent = config;
        if (withTags) {
            var r = client.get().createDistributionWithTags(b -> b.distributionConfigWithTags(c -> c
                    .distributionConfig(sent).tags(DistributionConfigMapper.tags(plan))));
            return Snapshot.of(r.distribution(), r.eTag());
        }
        var r = client.get().createDistribution(b -> b.distributionConfig(sent));
        return Snapshot.of(r.distribution(), r.eTag());
    }

    static boolean isTaggingDenied(AwsServiceException e) {
        return e.awsErrorDetails() != null && "AccessDenied".equals(e.awsErrorDetails().errorCode())
                && String.valueOf(e.awsErrorDetails().errorMessage()).contains("TagResource");
    }

    public Snapshot get(String id, Progress progress) throws Exception {
        return retry.call("get", () -> read(id), progress);
    }

    /** One GetDistribution call, no retries: the watcher paces itself. Every Deployed seen is recorded. */
    Snapshot read(String id) {
        var r = client.get().getDistribution(b -> b.id(id));
        Snapshot s = Snapshot.of(r.distribution(), r.eTag());
        if (s.deployed()) {
            history.forDistribution(id)
                    .filter(e -> e.state() == LifecycleState.DEPLOYING || e.state() == LifecycleState.UPDATING)
                    .ifPresent(e -> history.put(e.deployed(Instant.now())));
        }
        return s;
    }

    /**
     * Waits until CloudFront says Deployed (recorded by {@link #read}). A distribution CloudFront no longer knows
     * is recorded as deleted. {@code timeout} null waits without a limit.
     */
    public Snapshot awaitDeployed(String id, Progress progress, Duration timeout) throws Exception {
        try {
            Snapshot deployed = watcher.awaitDeployed(id, this::read, progress, timeout);
            removeViewerCheck(id, true, progress);
            return deployed;
        } catch (NoSuchDistributionException gone) {
            history.forDistribution(id).ifPresent(e -> history.put(e.with(LifecycleState.DELETED)));
            throw gone;
        }
    }

    /** What resuming an unfinished entry came to: the distribution as it now is, or deleted. */
    public record Resumed(LifecycleState.Resume did, Snapshot snapshot) {
        public boolean deleted() {
            return did == LifecycleState.Resume.TEARDOWN;
        }
    }

    /** Carries on where StreamFront stopped, as the entry's state says: a teardown resumes as a teardown. */
    public Resumed resume(Plan plan, HistoryEntry entry, Progress progress, Duration timeout) throws Exception {
        // The history's newest word on this distribution; an entry made up from CloudFront's list stands as it is.
        HistoryEntry now = history.forPlan(entry.planId())
                .filter(h -> entry.distributionId() == null || entry.distributionId().equals(h.distributionId()))
                .orElse(entry);
        return switch (now.state().resume()) {
            case TEARDOWN -> {
                teardown(now.distributionId(), progress, timeout);
                yield new Resumed(LifecycleState.Resume.TEARDOWN, null);
            }
            case CREATE -> {
                Snapshot s = create(plan, progress);
                yield new Resumed(LifecycleState.Resume.CREATE, s.deployed() ? s : awaitDeployed(s.id(), progress, timeout));
            }
            default -> {
                Snapshot s = get(now.distributionId(), progress);
                yield new Resumed(LifecycleState.Resume.WATCH, s.deployed() ? s : awaitDeployed(s.id(), progress, timeout));
            }
        };
    }

    /** The distribution this create attempt made, if CloudFront has it: same plan id in the comment, same CallerReference. */
    private Optional<Snapshot> findAttempt(HistoryEntry attempt, Progress progress) throws Exception {
        for (Snapshot candidate : listOurs(progress)) {
            if (DistributionConfigMapper.planIdInComment(candidate.comment()).filter(attempt.planId()::equals).isEmpty()) {
                continue;
            }
            try {
                Snapshot full = get(candidate.id(), progress);
                if (attempt.callerReference().equals(full.callerReference())) {
                    return Optional.of(full);
                }
            } catch (NoSuchDistributionException deletedMeanwhile) {
                // a distribution of an earlier attempt, deleted while we looked
            }
        }
        return Optional.empty();
    }

    /** The distribution the plan has now, if any: the one the history names, else the one CloudFront lists with its plan id. */
    public Optional<Snapshot> current(Plan plan, Progress progress) throws Exception {
        Optional<HistoryEntry> known = history.forPlan(plan.planId())
                .filter(e -> e.distributionId() != null && e.state().mayExist());
        if (known.isPresent()) {
            try {
                return Optional.of(get(known.get().distributionId(), progress));
            } catch (NoSuchDistributionException gone) {
                return Optional.empty();
            }
        }
        return listOurs(progress).stream()
                .filter(s -> DistributionConfigMapper.planIdInComment(s.comment()).filter(plan.planId()::equals).isPresent())
                .findFirst();
    }

    /** What bringing the distribution in line with the plan would change, in plain words; empty when it matches. */
    public List<ConfigDiff.Change> changes(String id, Plan plan, Progress progress) throws Exception {
        var current = retry.call("get config", () -> client.get().getDistributionConfig(b -> b.id(id)), progress);
        List<ConfigDiff.Change> changes = new ArrayList<>(ConfigDiff.between(current.distributionConfig(), DistributionConfigMapper.toConfig(plan),
                policyReader(progress)));
        ConfigDiff.aliases(current.distributionConfig(), plan).ifPresent(changes::add);
        return changes;
    }

    /** What an update did: the changes it sent (none: the distribution already matched), and the distribution then. */
    public record Updated(List<ConfigDiff.Change> changes, Snapshot snapshot) {
    }

    /**
     * Brings a distribution in line with the plan: reads its config and ETag, replaces only the fields
     * StreamFront owns, and sends it with If-Match. Nothing is sent when nothing differs. The history
     * says updating before the call (a watch then records Deployed); a refused update leaves the
     * distribution as it was and the history saying why. PreconditionFailed (changed meanwhile)
     * reaches the caller, who shows the new differences and asks again.
     */
    public Updated update(String id, Plan plan, Progress progress) throws Exception {
        var current = retry.call("get config", () -> client.get().getDistributionConfig(b -> b.id(id)), progress);
        List<ConfigDiff.Change> changes = new ArrayList<>(ConfigDiff.between(current.distributionConfig(), DistributionConfigMapper.toConfig(plan),
                policyReader(progress)));
        ConfigDiff.aliases(current.distributionConfig(), plan).ifPresent(changes::add);
        if (changes.isEmpty()) {
            return new Updated(changes, null);
        }
        progress.log(Messages.get("deploy.log.updating", id));
        changes.forEach(c -> progress.log("  " + c));
        Function<CacheSettings, String> policyIds = policies.ensure(plan, progress);
        history.forPlan(plan.planId()).filter(e -> id.equals(e.distributionId())).ifPresent(e -> markEdgeCheck(plan, e));
        String viewerFunction = viewerFunction(plan, progress);
        DistributionConfig merged = withPlanAliases(DistributionConfigMapper.merge(current.distributionConfig(), plan, policyIds, viewerFunction),
                plan, progress);
        Optional<HistoryEntry> before = history.forPlan(plan.planId()).filter(e -> id.equals(e.distributionId()));
        before.ifPresent(e -> history.put(e.with(LifecycleState.UPDATING)));
        try {
            var r = retry.call("update", () -> client.get().updateDistribution(b -> b.id(id).ifMatch(current.eTag())
                    .distributionConfig(merged)), progress);
            return new Updated(changes, Snapshot.of(r.distribution(), r.eTag()));
        } catch (PreconditionFailedException changedMeanwhile) {
            before.ifPresent(history::put); // nothing was changed: as it was
            throw changedMeanwhile;
        } catch (AwsServiceException refused) {
            if (!Retry.isAmbiguous(refused)) {
                before.ifPresent(e -> history.put(e.failed(refused.awsErrorDetails() == null ? refused.getMessage()
                        : refused.awsErrorDetails().errorCode())));
            }
            throw refused;
        }
    }

    /**
     * Reads a distribution into a plan, to change it: one StreamFront knows keeps its plan id and
     * stream; any other (made by hand with the tutorial, or by another tool) gets a new plan id and
     * becomes this plan's in the history, so apply updates it and teardown deletes it. CloudFront
     * itself is not touched: the plan id reaches the distribution's comment with the first update.
     */
    public PlanImport.Imported importDistribution(String id, Progress progress) throws Exception {
        var config = retry.call("get config", () -> client.get().getDistributionConfig(b -> b.id(id)), progress);
        PlanImport.Imported imported = PlanImport.from(id, config.distributionConfig(), policyReader(progress));
        Optional<HistoryEntry> known = history.forDistribution(id).filter(e -> e.state().mayExist());
        Optional<String> planId = known.map(HistoryEntry::planId)
                // The comment's plan id, unless the history already gave it to another distribution.
                .or(() -> DistributionConfigMapper.planIdInComment(config.distributionConfig().comment())
                        .filter(p -> history.forPlan(p).isEmpty()));
        Plan plan = imported.plan();
        if (planId.isPresent()) {
            plan = plan.withPlanId(planId.get());
        }
        if (known.isPresent()) {
            plan = plan.withStream(new Plan.Stream(known.get().streamId() == null ? "" : known.get().streamId()));
        } else {
            Snapshot s = get(id, progress);
            history.put(new HistoryEntry(plan.planId(), plan.name(), plan.stream().id(),
                    s.deployed() ? LifecycleState.DEPLOYED : LifecycleState.DEPLOYING, id, s.domain(), s.lastModified(), null, 0, null,
                    plan.access().tokens() ? Boolean.TRUE : null));
        }
        return new PlanImport.Imported(id, plan, imported.advice());
    }

    /** Every distribution StreamFront made in this account (its comment carries a plan id). */
    public List<Snapshot> listOurs(Progress progress) throws Exception {
        return listAll(progress).stream().filter(Distributions::ours).toList();
    }

    public static boolean ours(Snapshot s) {
        return DistributionConfigMapper.planIdInComment(s.comment()).isPresent();
    }

    /** Every distribution in the account, StreamFront's and others'. */
    public List<Snapshot> listAll(Progress progress) throws Exception {
        return retry.call("list", () -> {
            List<Snapshot> all = new ArrayList<>();
            for (var page : client.get().listDistributionsPaginator(b -> b.maxItems("100"))) {
                page.distributionList().items().forEach(s -> all.add(Snapshot.of(s)));
            }
            return all;
        }, progress);
    }

    /**
     * Disable, wait until CloudFront has deployed that, delete; each move recorded first, so it is
     * safe to run again after a stop at any point. A distribution that is already gone counts as deleted.
     * {@code timeout} (null: none) bounds the whole teardown; the history keeps it resumable.
     */
    public void teardown(String id, Progress progress, Duration timeout) throws Exception {
        Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
        try {
            move(id, LifecycleState.DISABLING);
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
            move(id, LifecycleState.DISABLED);
            progress.log(Messages.get("deploy.log.waitDisabled"));
            Snapshot disabled = watcher.awaitDeployed(id, this::read, progress, remaining(deadline, id));
            move(id, LifecycleState.DELETING);
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
                    watcher.awaitDeployed(id, this::read, progress, remaining(deadline, id));
                }
            }
            progress.log(Messages.get("deploy.log.deleted", id));
        } catch (NoSuchDistributionException gone) {
            if (history.forDistribution(id).isEmpty()) {
                throw gone; // not one StreamFront knows: the id is probably mistyped
            }
            progress.log(Messages.get("deploy.log.alreadyDeleted", id));
        }
        move(id, LifecycleState.DELETED);
        deleteUnusedPolicies(progress);
        removeViewerCheck(id, false, progress);
    }

    /**
     * Reads cache policies for one comparison: StreamFront's by the name a wanted config gives, any
     * other by id, each once (several behaviours share a policy).
     */
    private Function<String, Optional<CachePolicyConfig>> policyReader(Progress progress) {
        Map<String, Optional<CachePolicyConfig>> read = new HashMap<>();
        return id -> read.computeIfAbsent(id, policyId -> {
            Optional<CacheSettings> named = CacheSettings.fromName(policyId);
            if (named.isPresent()) {
                return named.map(CacheSettings::toPolicyConfig);
            }
            try {
                return policies.read(policyId, progress);
            } catch (Exception unreadable) {
                if (unreadable instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }
        });
    }

    private void move(String id, LifecycleState to) {
        history.forDistribution(id).filter(e -> e.state() != LifecycleState.DELETED || to == LifecycleState.DELETED)
                .ifPresent(e -> history.put(e.with(to)));
    }

    private static Duration remaining(Instant deadline, String id) throws TimeoutException {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new TimeoutException(Messages.get("deploy.timeout", id));
        }
        return left;
    }
}
