package org.streamfront.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.streamfront.Messages;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.store.DraftStore;
import org.streamfront.ui.cache.CacheView;
import org.streamfront.ui.cache.CacheViewModel;
import org.streamfront.ui.errorpages.ErrorPagesView;
import org.streamfront.ui.errorpages.ErrorPagesViewModel;
import org.streamfront.ui.origin.OriginView;
import org.streamfront.ui.origin.OriginViewModel;
import org.streamfront.ui.review.ReviewView;
import org.streamfront.ui.review.ReviewViewModel;
import org.streamfront.ui.wizard.PlaceholderStep;
import org.streamfront.ui.wizard.PlanFiles;
import org.streamfront.ui.wizard.PlanForm;
import org.streamfront.ui.wizard.Step;
import org.streamfront.ui.wizard.StepPage;
import org.streamfront.ui.wizard.WizardView;
import org.streamfront.ui.wizard.WizardViewModel;

/** The composition root: builds the services and hands them to the views. No framework. */
public final class AppRoot implements AutoCloseable {
    private final PlanForm form = new PlanForm();
    private final DraftStore drafts;
    private final WizardViewModel wizard;
    private final WizardView view;

    public AppRoot(AppOptions options) {
        drafts = new DraftStore(options.dataHome().resolve(options.draftFileName()));
        var accountConnected = new SimpleBooleanProperty(false);
        WizardView[] shell = new WizardView[1];
        PlanFiles files = new PlanFiles(form, options.dialogs(), text -> shell[0].notice(text));

        Map<Step, StepPage> pages = new EnumMap<>(Step.class);
        pages.put(Step.ACCOUNT, new PlaceholderStep(options.practice() ? "account.practice" : "account", null));
        pages.put(Step.ORIGIN, new OriginView(new OriginViewModel(form)));
        pages.put(Step.CACHE, new CacheView(new CacheViewModel(form)));
        pages.put(Step.ERROR_PAGES, new ErrorPagesView(new ErrorPagesViewModel(form)));
        pages.put(Step.REVIEW, new ReviewView(new ReviewViewModel(form, accountConnected), files, () -> { }));
        pages.put(Step.DEPLOY, new PlaceholderStep("deploy", Messages.get("deploy.blocker")));
        pages.put(Step.PLAY, new PlaceholderStep("play", null));
        wizard = new WizardViewModel(pages);
        view = new WizardView(wizard, files, options.practice());
        shell[0] = view;

        restoreDraft();
        form.plan().subscribe(drafts::save);
    }

    private void restoreDraft() {
        var draft = drafts.load();
        if (draft.isEmpty() || draft.get().plan().origin().domain().isBlank()) {
            form.load(Plan.empty().withPlanId(PlanIds.newId()));
            return;
        }
        form.load(PlanIds.ensure(draft.get().plan()));
        Label text = new Label(Messages.get("draft.restored", draft.get().plan().origin().domain(),
                ago(draft.get().savedAt())));
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button keep = new Button(Messages.get("draft.continue"));
        keep.setId("draft-continue");
        Button fresh = new Button(Messages.get("draft.startOver"));
        fresh.setId("draft-start-over");
        HBox banner = new HBox(10, text, keep, fresh);
        banner.setId("draft-banner");
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        keep.setOnAction(e -> {
            view.removeBanner(banner);
            wizard.enter(Step.ORIGIN);
        });
        fresh.setOnAction(e -> {
            view.removeBanner(banner);
            form.load(Plan.empty().withPlanId(PlanIds.newId()));
            wizard.enter(Step.ACCOUNT);
        });
        view.showBanner(banner);
    }

    private static String ago(Instant then) {
        long minutes = Duration.between(then, Instant.now()).toMinutes();
        return minutes < 1 ? Messages.get("time.justNow")
                : minutes < 120 ? Messages.get("time.minutesAgo", minutes)
                : Messages.get("time.hoursAgo", minutes / 60);
    }

    public Parent view() {
        return view;
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public PlanForm form() {
        return form;
    }

    @Override
    public void close() {
        drafts.close();
    }
}
