package org.streamfront.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.streamfront.Messages;
import org.streamfront.access.TokenSecret;
import org.streamfront.services.DeployServices;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.LifecycleState;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.plan.ConfigDiff;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanFileException;
import org.streamfront.plan.PlanIds;
import org.streamfront.plan.PlanJson;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.store.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

@Command(name = "apply", description = "Creates the plan's distribution, finds the one it already made, or updates it where it differs from the plan.")
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(paramLabel = "PLAN", description = "The plan file (JSON). A plan id is written into it on first apply.")
    Path planFile;

    @Option(names = "--wait", description = "Wait until CloudFront reports Deployed.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "How long --wait waits (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--yes", description = "Update even if the distribution changed since it was read (shows the new differences first).")
    boolean yes;

    @Option(names = "--create-if-missing", description = "Make a new distribution when the plan's was deleted outside StreamFront (its address changes).")
    boolean createIfMissing;

    @Option(names = "--token-secret-file", paramLabel = "FILE",
            description = "For a plan whose viewers need a token: the file holding the secret tokens are signed with (your AMS application's JWT secret works). "
                    + "If FILE does not exist, a new secret is made and written there, readable by you alone. Needed when tokens are first turned on; "
                    + "a different secret later rotates it (the previous one stays valid for 24 hours).")
    Path tokenSecretFile;

    @Option(names = "--dry-run", description = "Print what apply would change and change nothing: exit 0 when in sync, 3 when a change is needed.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Plan plan;
        try {
            plan = PlanJson.readValid(planFile);
        } catch (PlanFileException e) {
            e.problems().forEach(err::println);
            return StreamFrontCommand.INVALID;
        }
        if (dryRun) {
            return dryRun(PlanIds.ensure(plan));
        }
        if (plan.planId() == null || plan.planId().isBlank()) {
            // The id must be on disk before the create, so a rerun after any failure finds the same distribution.
            plan = PlanIds.ensure(plan);
            AtomicFiles.write(planFile, PlanJson.write(plan));
            err.println(Messages.get("cli.apply.planIdWritten", plan.planId(), planFile));
        }
        Progress progress = err::println;
        if (tokenSecretFile != null) {
            try {
                if (TokenSecret.ensure(tokenSecretFile)) {
                    err.println(Messages.get("cli.apply.secretMade", tokenSecretFile));
                }
            } catch (java.io.IOException e) {
                err.println("error: " + e.getMessage());
                return StreamFrontCommand.INVALID;
            }
        }
        try (DeployServices services = aws.services()) {
            if (tokenSecretFile != null) {
                services.useSecretFile(tokenSecretFile);
            }
            Distributions distributions = services.distributions();
            if (!createIfMissing && madeButGone(distributions, plan, progress)) {
                err.println("error: " + Messages.get("cli.apply.gone"));
                return StreamFrontCommand.FAILED;
            }
            Snapshot s = distributions.create(plan, progress);
            for (int attempt = 1; ; attempt++) {
                try {
                    Distributions.Updated updated = distributions.update(s.id(), plan, progress);
                    s = updated.snapshot() == null ? s : updated.snapshot();
                    break;
                } catch (PreconditionFailedException changedMeanwhile) {
                    // Someone changed it between our read and our update: show what differs now, and ask again.
                    err.println(Messages.get("cli.apply.changedMeanwhile"));
                    distributions.changes(s.id(), plan, progress).forEach(c -> err.println("  " + c));
                    if (!yes || attempt >= 3) {
                        err.println("error: " + Messages.get("cli.apply.askAgain"));
                        return StreamFrontCommand.FAILED;
                    }
                }
            }
            if (await && !s.deployed()) {
                s = services.distributions().awaitDeployed(s.id(), progress, timeout);
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode()
                    .put("id", s.id()).put("domain", s.domain()).put("status", s.status());
            result.put("url", plan.stream().id().isBlank() ? null : ViewerUrls.production(s.domain(), plan.stream().id()).toString());
            if (plan.access().tokens()) {
                result.put("tokens", true);
            }
            spec.commandLine().getOut().println(result);
            spec.commandLine().getOut().flush();
            return StreamFrontCommand.OK;
        } catch (Exception e) {
            return Failures.report(err, e);
        }
    }

    /** The history says this plan made a distribution, and CloudFront no longer has it. */
    private static boolean madeButGone(Distributions distributions, Plan plan, Progress progress) throws Exception {
        boolean made = distributions.history().forPlan(plan.planId())
                .filter(e -> e.distributionId() != null && e.state().mayExist() && e.state().resume() != LifecycleState.Resume.TEARDOWN)
                .isPresent();
        return made && distributions.current(plan, progress).isEmpty();
    }

    /** The plan against CloudFront, read only: the differences on stderr, a JSON summary last on stdout. */
    private int dryRun(Plan plan) {
        var err = spec.commandLine().getErr();
        try (DeployServices services = aws.services()) {
            Optional<Snapshot> current = services.distributions().current(plan, err::println);
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            ArrayNode changes = result.putArray("changes");
            if (current.isEmpty()) {
                err.println(Messages.get("cli.apply.wouldCreate"));
                result.putNull("id");
                changes.add(Messages.get("cli.apply.create"));
            } else {
                Snapshot s = current.get();
                result.put("id", s.id()).put("domain", s.domain()).put("status", s.status());
                List<ConfigDiff.Change> diff = services.distributions().changes(s.id(), plan, err::println);
                err.println(diff.isEmpty() ? Messages.get("cli.apply.inSync", s.id()) : Messages.get("cli.apply.wouldChange", s.id()));
                diff.forEach(c -> {
                    err.println("  " + c);
                    changes.add(c.toString());
                });
            }
            spec.commandLine().getOut().println(result);
            spec.commandLine().getOut().flush();
            return changes.isEmpty() ? StreamFrontCommand.OK : StreamFrontCommand.CHANGES_NEEDED;
        } catch (Exception e) {
            return Failures.report(err, e);
        }
    }
}
