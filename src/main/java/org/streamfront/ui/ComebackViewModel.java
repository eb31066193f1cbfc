package org.streamfront.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.streamfront.Messages;
import org.streamfront.deploy.HistoryEntry;
import org.streamfront.deploy.LifecycleState;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.store.DraftStore;
import org.streamfront.ui.wizard.PlanForm;
import org.streamfront.ui.wizard.Step;
import org.streamfront.ui.wizard.WizardViewModel;

/**
 * What StreamFront offers when it starts again: the plan the user was typing (continue, or start
 * over), and work a closed window left unfinished (resume it: watch, finish creating, finish
 * deleting). Each offer goes once answered; the draft offer also goes when the user simply moves on.
 */
public final class ComebackViewModel {
    /** An offer as a banner shows it: the sentence and the label of its main button. */
    public record Offer(String text, String action) {
    }

    private final ReadOnlyObjectWrapper<Offer> draftOffer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Offer> resumeOffer = new ReadOnlyObjectWrapper<>();
    private final PlanForm form;
    private final WizardViewModel wizard;
    private final Runnable fitPractice;
    private final Consumer<HistoryEntry> resume;
    private HistoryEntry unfinished;

    /** {@code fitPractice} points a fresh plan at the practice simulators; {@code resume} carries on with an entry. */
    public ComebackViewModel(PlanForm form, WizardViewModel wizard, Runnable fitPractice, Consumer<HistoryEntry> resume) {
        this.form = form;
        this.wizard = wizard;
        this.fitPractice = fitPractice;
        this.resume = resume;
        wizard.current().subscribe((before, now) -> draftOffer.set(null));
    }

    public ReadOnlyObjectProperty<Offer> draftOffer() {
        return draftOffer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Offer> resumeOffer() {
        return resumeOffer.getReadOnlyProperty();
    }

    /** Puts a saved draft back and offers it, unless the user already started typing in the moment it took to read. */
    public void draftRead(Optional<DraftStore.Draft> draft) {
        if (draft.isEmpty() || draft.get().plan().origin().domain().isBlank() || !form.domain.get().isBlank()) {
            return;
        }
        form.load(PlanIds.ensure(draft.get().plan()));
        draftOffer.set(new Offer(Messages.get("draft.restored", draft.get().plan().origin().domain(), ago(draft.get().savedAt())),
                Messages.get("draft.continue")));
    }

    public void continueDraft() {
        draftOffer.set(null);
        wizard.enter(Step.ORIGIN);
    }

    public void startOver() {
        draftOffer.set(null);
        form.load(Plan.empty().withPlanId(PlanIds.newId()));
        fitPractice.run();
        wizard.enter(Step.ACCOUNT);
    }

    /** Offers to carry on with what a closed window left unfinished, saying what that is: a teardown resumes as a teardown. */
    public void historyRead(Optional<HistoryEntry> entry) {
        unfinished = entry.orElse(null);
        resumeOffer.set(entry.map(e -> {
            String kind = switch (e.state().resume()) {
                case TEARDOWN -> "teardown";
                case CREATE -> "create";
                default -> e.state() == LifecycleState.UPDATING ? "update" : "watch";
            };
            String what = e.name() == null || e.name().isBlank() ? e.planId() : e.name();
            return new Offer(Messages.get("resume.banner." + kind, e.distributionId() == null ? "" : e.distributionId(), what),
                    Messages.get("resume." + kind));
        }).orElse(null));
    }

    public void resume() {
        resumeOffer.set(null);
        if (unfinished != null) {
            resume.accept(unfinished);
        }
    }

    public void dismissResume() {
        resumeOffer.set(null);
    }

    static String ago(Instant then) {
        long minutes = Duration.between(then, Instant.now()).toMinutes();
        return minutes < 1 ? Messages.get("time.justNow")
                : minutes < 120 ? Messages.get("time.minutesAgo", minutes)
                : Messages.get("time.hoursAgo", minutes / 60);
    }
}
