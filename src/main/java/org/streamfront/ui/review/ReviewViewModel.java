package org.streamfront.ui.review;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.HistoryEntry;
import org.streamfront.deploy.LifecycleState;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.origin.Check;
import org.streamfront.plan.ConfigDiff;
import org.streamfront.plan.ConfigExport;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.plan.PlanRules;
import org.streamfront.plan.PlanSummary;
import org.streamfront.plan.Problem;
import org.streamfront.ui.Jobs;
import org.streamfront.ui.wizard.PlanForm;

/**
 * The Review step: the plan in plain words, the exact settings, and what pressing the button does.
 * The plan is the desired state: when its distribution exists, Review lists what an update would
 * change (or that nothing would) instead of offering a second create.
 */
public final class ReviewViewModel {
    /** What the step's main button does. */
    public enum Mode { CHECKING, CREATE, UPDATE, IN_SYNC, UNKNOWN }

    /** The plan against CloudFront: the distribution it has (if any) and what an update would change. */
    public record Target(Mode mode, String id, String domain, List<ConfigDiff.Change> changes, String note) {
        static Target create(String note) {
            return new Target(Mode.CREATE, null, null, List.of(), note);
        }
    }

    final PlanForm form;
    final ObjectBinding<List<Problem>> problems;
    final ObjectBinding<List<String>> summary;
    final StringBinding settings;
    final StringBinding createBlocker;
    final BooleanBinding canCreate;
    final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.create(null));
    final StringBinding actionText;
    private final StringBinding blocker;

    final FilteredList<Check> warnings;
    final EstimateViewModel estimate;
    private final ObservableBooleanValue accountConnected;
    private final Supplier<Distributions> distributions;
    private final Jobs jobs;
    private Jobs.Job checking;

    public ReviewViewModel(PlanForm form, ObservableBooleanValue accountConnected, ObservableList<Check> originChecks,
                           Supplier<Distributions> distributions, Jobs jobs) {
        this.form = form;
        this.accountConnected = accountConnected;
        this.distributions = distributions;
        this.jobs = jobs;
        this.estimate = new EstimateViewModel(form);
        // The origin check's open warnings, repeated before Create; the user may go on regardless.
        warnings = originChecks.filtered(c -> c.mark() != Check.Mark.GREEN);
        problems = Bindings.createObjectBinding(() -> PlanRules.validate(form.plan().get()), form.plan());
        summary = Bindings.createObjectBinding(() -> problems.get().isEmpty()
                ? PlanSummary.lines(form.plan().get()) : List.of(), problems);
        settings = Bindings.createStringBinding(() -> problems.get().isEmpty()
                ? ConfigExport.export(PlanIds.ensure(form.plan().get()), ConfigExport.Format.AWS_CLI) : "", problems);
        createBlocker = Bindings.createStringBinding(() -> {
            if (!problems.get().isEmpty()) {
                return Messages.get("review.fixFirst", problems.get().getFirst());
            }
            if (!accountConnected.get()) {
                return Messages.get("review.connectFirst");
            }
            return switch (target.get().mode()) {
                case CHECKING -> Messages.get("review.checking");
                case UNKNOWN -> target.get().note();
                default -> null;
            };
        }, problems, accountConnected, target);
        canCreate = Bindings.createBooleanBinding(() -> createBlocker.get() == null
                || target.get().mode() == Mode.UNKNOWN && problems.get().isEmpty() && accountConnected.get(),
                createBlocker, target, problems, accountConnected);
        actionText = Bindings.createStringBinding(() -> Messages.get(switch (target.get().mode()) {
            case UPDATE -> "review.update";
            case IN_SYNC -> "review.open";
            case UNKNOWN -> "review.checkAgain";
            default -> "review.create";
        }), target);
        // One binding kept here: the wizard listens to it, and bindings are only weakly held by what they observe.
        blocker = Bindings.createStringBinding(() -> createBlocker.get() != null ? createBlocker.get()
                : switch (target.get().mode()) {
                    case UPDATE -> Messages.get("review.pressUpdate");
                    case IN_SYNC -> Messages.get("review.pressOpen");
                    default -> Messages.get("review.pressCreate");
                }, createBlocker, target);
    }

    /** Review's Next is its main button: the step header's Deploy opens once the work has started. */
    public StringBinding blocker() {
        return blocker;
    }

    /**
     * Asks CloudFront whether the plan already has its distribution and what differs. Runs each time
     * Review is shown: the distribution may have changed since, here or elsewhere.
     */
    public void check() {
        if (checking != null) {
            checking.cancel();
        }
        String planId = form.planId.get();
        if (planId == null || planId.isBlank() || !accountConnected.get() || !problems.get().isEmpty()) {
            target.set(Target.create(null));
            return;
        }
        Plan plan = form.toPlan();
        target.set(new Target(Mode.CHECKING, null, null, List.of(), null));
        checking = jobs.run(() -> {
            Distributions d = distributions.get();
            Optional<HistoryEntry> made = d.history().forPlan(planId).filter(e -> e.distributionId() != null
                    && e.state().mayExist() && e.state().resume() != LifecycleState.Resume.TEARDOWN);
            Optional<Snapshot> current = d.current(plan, Progress.SILENT);
            if (current.isEmpty()) {
                return Target.create(made.map(e -> Messages.get("review.goneElsewhere", e.distributionId())).orElse(null));
            }
            Snapshot s = current.get();
            List<ConfigDiff.Change> changes = d.changes(s.id(), plan, Progress.SILENT);
            return new Target(changes.isEmpty() ? Mode.IN_SYNC : Mode.UPDATE, s.id(), s.domain(), changes, null);
        }, target::set, failure -> target.set(new Target(Mode.UNKNOWN, null, null, List.of(),
                Messages.get("review.checkFailed", AwsErrors.explain(failure).summary()))));
    }
}
