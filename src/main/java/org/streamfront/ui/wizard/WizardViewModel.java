package org.streamfront.ui.wizard;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Where the user is in the wizard, how far they have come, and whether they may move on. */
public final class WizardViewModel {
    private static final Logger LOG = Logger.getLogger(WizardViewModel.class.getName());
    private final Map<Step, Supplier<StepPage>> factories;
    private final Map<Step, StepPage> pages = new EnumMap<>(Step.class);
    private final ObjectProperty<Step> current = new SimpleObjectProperty<>(Step.ACCOUNT);
    private final ObjectProperty<Step> furthest = new SimpleObjectProperty<>(Step.ACCOUNT);
    private final StringBinding blocker;
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    /** Pages are built the first time they are shown, so the window opens without building all seven. */
    public WizardViewModel(Map<Step, Supplier<StepPage>> factories) {
        this.factories = factories;
        blocker = Bindings.createStringBinding(() -> page(current.get()).blocker().getValue(), current);
        canGoNext = Bindings.createBooleanBinding(() -> blocker.get() == null && current.get() != Step.last(), blocker, current);
        canGoBack = current.isNotEqualTo(Step.ACCOUNT);
    }

    public StepPage page(Step step) {
        StepPage page = pages.get(step);
        if (page == null) {
            page = factories.get(step).get();
            pages.put(step, page);
            // The blocker of a page changes while the user types; the nav bar follows it.
            page.blocker().addListener((obs, old, now) -> blocker.invalidate());
        }
        return page;
    }

    public ReadOnlyObjectProperty<Step> current() {
        return current;
    }

    public ReadOnlyObjectProperty<Step> furthest() {
        return furthest;
    }

    public StringBinding blocker() {
        return blocker;
    }

    public BooleanBinding canGoNext() {
        return canGoNext;
    }

    public BooleanBinding canGoBack() {
        return canGoBack;
    }

    public void next() {
        if (canGoNext.get()) {
            enter(current.get().next());
        }
    }

    public void back() {
        enter(current.get().previous());
    }

    /** From the step header: only steps already reached. */
    public void goTo(Step step) {
        if (step.ordinal() <= furthest.get().ordinal()) {
            enter(step);
        }
    }

    /** Shows a step; the app moves on this way too when work finishes (Create leads to Deploy). */
    public void enter(Step step) {
        if (step.ordinal() > furthest.get().ordinal()) {
            furthest.set(step);
        }
        Step leaving = current.get();
        current.set(step);
        LOG.info(() -> "step shown: " + step); // what the user did before a failure, for whoever reads the log
        if (leaving != null && leaving != step && pages.containsKey(leaving)) {
            pages.get(leaving).hidden();
        }
        page(step).shown();
    }

    /** Whether the step is complete: reached before and nothing blocks it. */
    public boolean isDone(Step step) {
        return step.ordinal() < furthest.get().ordinal() && page(step).blocker().getValue() == null
                || step.ordinal() < current.get().ordinal();
    }
}
