package org.streamfront.ui.origin;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.streamfront.plan.PlanRules;
import org.streamfront.ui.wizard.PlanForm;
import org.streamfront.ui.widgets.Forms;

/** The Origin step's rules, field by field, over the shared plan form. */
public final class OriginViewModel {
    final PlanForm form;
    final StringBinding nameError;
    final StringBinding domainError;
    final StringBinding applicationError;
    final StringBinding protocolError;
    final StringBinding httpPortError;
    final StringBinding httpsPortError;
    final StringBinding streamIdError;
    final StringBinding secondaryError;
    final StringBinding blocker;

    public OriginViewModel(PlanForm form) {
        this.form = form;
        nameError = Forms.error(form.name, PlanRules::name);
        domainError = Forms.error(form.domain, PlanRules::domain);
        applicationError = Forms.error(form.application, PlanRules::application);
        protocolError = Forms.error(form.protocol, PlanRules::protocol);
        httpPortError = Forms.error(form.httpPort, PlanRules::port);
        httpsPortError = Forms.error(form.httpsPort, PlanRules::port);
        streamIdError = Forms.error(form.streamId, PlanRules::streamId);
        secondaryError = Bindings.createStringBinding(() -> PlanRules.secondaryDomain(form.secondaryDomain.get(), form.domain.get())
                .orElse(null), form.secondaryDomain, form.domain);
        blocker = Forms.firstError(domainError, applicationError, protocolError, httpPortError, httpsPortError, secondaryError,
                nameError, streamIdError);
    }

    public StringBinding blocker() {
        return blocker;
    }
}
