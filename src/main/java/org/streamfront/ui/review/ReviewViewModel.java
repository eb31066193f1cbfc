package org.streamfront.ui.review;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.streamfront.Messages;
import org.streamfront.origin.Check;
import org.streamfront.plan.ConfigExport;
import org.streamfront.plan.PlanIds;
import org.streamfront.plan.PlanRules;
import org.streamfront.plan.PlanSummary;
import org.streamfront.plan.Problem;
import org.streamfront.ui.wizard.PlanForm;

/** The Review step: the plan in plain words, the exact settings, and whether Create may be pressed. */
public final class ReviewViewModel {
    final PlanForm form;
    final ObjectBinding<List<Problem>> problems;
    final ObjectBinding<List<String>> summary;
    final StringBinding settings;
    final StringBinding createBlocker;
    final BooleanBinding canCreate;

    final FilteredList<Check> warnings;

    public ReviewViewModel(PlanForm form, ObservableBooleanValue accountConnected,
                           ObservableList<Check> originChecks) {
        this.form = form;
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
            return accountConnected.get() ? null : Messages.get("review.connectFirst");
        }, problems, accountConnected);
        canCreate = createBlocker.isNull();
    }

    /** Review's Next is Create: the step header's Deploy opens once the distribution exists. */
    public StringBinding blocker() {
        return Bindings.createStringBinding(() -> createBlocker.get() != null ? createBlocker.get()
                : Messages.get("review.pressCreate"), createBlocker);
    }
}
