package org.streamfront.ui.errorpages;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.streamfront.Messages;
import org.streamfront.plan.PlanRules;
import org.streamfront.ui.wizard.PlanForm;

/** The Error pages step: which error codes CloudFront remembers, and for how long. */
public final class ErrorPagesViewModel {
    final PlanForm form;
    private final StringBinding blocker;

    public ErrorPagesViewModel(PlanForm form) {
        this.form = form;
        blocker = Bindings.createStringBinding(() -> form.errorPages.stream()
                .map(this::rowError)
                .flatMap(Optional::stream)
                .findFirst().orElse(null), form.errorPages);
    }

    /** The message for one row: a switched-off row is never wrong. */
    Optional<String> rowError(PlanForm.ErrorPageRow row) {
        if (!row.enabled.get()) {
            return Optional.empty();
        }
        return PlanRules.errorCode(row.code).or(() -> PlanRules.errorTtl(row.ttl.get()))
                .map(m -> Messages.get("errorPages.rowError", row.code, m));
    }

    StringBinding rowErrorBinding(PlanForm.ErrorPageRow row) {
        return Bindings.createStringBinding(() -> rowError(row).orElse(null), row.enabled, row.ttl);
    }

    public StringBinding blocker() {
        return blocker;
    }
}
