package org.streamfront.ui;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.streamfront.Messages;
import org.streamfront.aws.AwsSession;
import org.streamfront.aws.Profiles;
import org.streamfront.aws.SsoSignIn;
import org.streamfront.services.DeployServices;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.History;
import org.streamfront.deploy.HistoryEntry;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.access.TokenSecret;
import org.streamfront.plan.PlanImport;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.store.DraftStore;
import org.streamfront.store.Settings;
import org.streamfront.address.DnsRecord;
import org.streamfront.address.OwnAddress;
import org.streamfront.ui.account.AccountView;
import org.streamfront.ui.account.AccountViewModel;
import org.streamfront.ui.address.AddressView;
import org.streamfront.ui.address.AddressViewModel;
import org.streamfront.ui.address.AddressWindow;
import org.streamfront.ui.audience.AudienceViewModel;
import org.streamfront.ui.audience.AudienceWindow;
import org.streamfront.ui.cache.CacheView;
import org.streamfront.ui.cache.CacheViewModel;
import org.streamfront.ui.deploy.DeployView;
import org.streamfront.ui.deploy.DeployViewModel;
import org.streamfront.ui.distributions.MyDistributionsView;
import org.streamfront.ui.distributions.MyDistributionsViewModel;
import org.streamfront.ui.errorpages.ErrorPagesView;
import org.streamfront.ui.errorpages.ErrorPagesViewModel;
import org.streamfront.ui.origin.OriginCheckViewModel;
import org.streamfront.ui.origin.OriginView;
import org.streamfront.ui.origin.OriginViewModel;
import org.streamfront.ui.play.PlayView;
import org.streamfront.ui.play.PlayViewModel;
import org.streamfront.ui.review.ReviewView;
import org.streamfront.ui.review.ReviewViewModel;
import org.streamfront.ui.wizard.PlanFiles;
import org.streamfront.ui.wizard.PlanForm;
import org.streamfront.ui.wizard.Step;
import org.streamfront.ui.wizard.StepPage;
import org.streamfront.ui.wizard.WizardView;
import org.streamfront.ui.wizard.WizardViewModel;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** The composition root: builds the services and hands them to the views. No framework. */
public final class AppRoot implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AppRoot.class.getName());
    private final AppOptions options;
    private final PlanForm form = new PlanForm();
    private final DraftStore drafts;
    private final CompletableFuture<PracticeWorld> world;
    private final Optional<PracticeEdge> practiceEdge;
    private final AccountViewModel account;
    private final OriginCheckViewModel originCheck;
    private DeployViewModel deploy;
    private PlayViewModel play;
    private AudienceViewModel playAudience;
    private final WizardViewModel wizard;
    private final ComebackViewModel comeback;
    private final WizardView view;
    private DeployServices services;
    private final List<DeployServices> retired = new ArrayList<>();
    private volatile boolean closed;
    private HBox importAdvice;
    private final UpdateNotice updates;
    private AddressViewModel address;

    public AppRoot(AppOptions options, Appearance appearance, Runnable switchToPractice, Consumer<String> openInBrowser) {
        this.options = options;
        drafts = new DraftStore(options.dataHome().resolve(options.draftFileName()));
        world = options.practice() ? new CompletableFuture<>() : null;
        practiceEdge = Optional.ofNullable(options.practiceEdge()).map(PracticeEdge::new);

        account = new AccountViewModel(options.practice(),
                () -> new AwsSession(Messages.get("account.practiceSession"), PracticeWorld.CREDENTIALS, world.join().api.uri()),
                () -> sessionsOnThisComputer(options.awsEndpoint()), Profiles::anyCredentialsHere,
                region -> new SsoSignIn(region, options.ssoEndpoint(), options.ssoEndpoint()), options.awsEndpoint());

        originCheck = new OriginCheckViewModel(form, Duration.ofSeconds(4), Jobs.background());
        WizardView[] shell = new WizardView[1];
        PlanFiles files = new PlanFiles(form, options.dialogs(), text -> shell[0].notice(text));
        Map<Step, Supplier<StepPage>> pages = new EnumMap<>(Step.class);
        pages.put(Step.ACCOUNT, () -> new AccountView(account, switchToPractice, openInBrowser));
        pages.put(Step.ORIGIN, () -> new OriginView(new OriginViewModel(form), originCheck));
        pages.put(Step.CACHE, () -> new CacheView(new CacheViewModel(form, secretsFolder())));
        pages.put(Step.ERROR_PAGES, () -> new ErrorPagesView(new ErrorPagesViewModel(form)));
        pages.put(Step.REVIEW, () -> new ReviewView(new ReviewViewModel(form, account.connected().isNotNull(),
                originCheck.checks(), this::distributions, Jobs.background()), files, this::apply));
        pages.put(Step.DEPLOY, () -> new DeployView(deploy(), this::backToOrigin, this::backToAccount,
                this::backToReview));
        pages.put(Step.PLAY, () -> new PlayView(play(), openInBrowser, originCheck.liveStreams(), playAudience = audience(),
                this::playAudienceTarget));
        pages.put(Step.ADDRESS, () -> new AddressView(address = newAddressModel(), this::playAtAddress, practiceDnsProvider(),
                this::addressTarget));
        wizard = new WizardViewModel(pages);
        view = new WizardView(wizard, files, options.practice(), this::showMyDistributions,
                () -> SettingsWindow.show(shell[0].getScene().getWindow(), appearance));
        shell[0] = view;
        comeback = new ComebackViewModel(form, wizard, this::fitPracticeIfStarted, this::resume);
        showWhileOffered("draft-banner", comeback.draftOffer(), "draft-continue", comeback::continueDraft,
                "draft-start-over", Messages.get("draft.startOver"), comeback::startOver);
        showWhileOffered("resume-banner", comeback.resumeOffer(), "resume-watch", comeback::resume,
                "resume-dismiss", Messages.get("resume.dismiss"), comeback::dismissResume);
        updates = new UpdateNotice(appearance.settings(), options.updateFeed(), openInBrowser);
        showWhileOffered("update-banner", updates.offer(), "update-download", updates::download,
                "update-turn-off", Messages.get("update.turnOff"), updates::turnOff);

        // A new sign-in applies to the next operation; work already running keeps the client it started with.
        account.connected().subscribe(session -> retireServices());
        form.load(Plan.empty().withPlanId(PlanIds.newId()));
        wizard.enter(Step.ACCOUNT);
    }

    /**
     * What can wait until the window is on screen: reading the draft, the history and the AWS
     * profiles, and starting the practice simulators. The user sees the first step meanwhile.
     */
    public void afterShown() {
        if (world != null && !world.isDone()) {
            if (options.sharedWorld() != null) {
                world.complete(options.sharedWorld());
            } else {
                Background.execute(() -> {
                    try {
                        // Fresh simulators hold no distributions, so last run's practice history would only mislead.
                        History.open(historyFile()).forgetAll();
                        world.complete(PracticeWorld.start(PracticeWorld.DEPLOY_DELAY, PracticeWorld.EDGE_DELAY));
                    } catch (RuntimeException e) {
                        // Every wait on the simulators then fails with this cause instead of hanging.
                        world.completeExceptionally(e);
                        Platform.runLater(() -> view.notice(Messages.get("practice.failed", e.getMessage())));
                    }
                });
            }
        }
        account.load();
        updates.askSoon();
        Background.run(drafts::load, draft -> {
            if (closed) {
                return;
            }
            drafts.movedAside().ifPresent(aside -> view.notice(Messages.get("draft.movedAside", aside)));
            comeback.draftRead(draft);
            form.plan().subscribe(drafts::save);
            if (world != null) {
                world.thenAccept(w -> Platform.runLater(() -> fitPracticeOrigin(w)));
            }
        }, failure -> form.plan().subscribe(drafts::save));
        Background.run(() -> History.open(historyFile()), history -> {
            if (closed) {
                return;
            }
            history.movedAside().ifPresent(aside -> view.notice(Messages.get("history.movedAside", aside)));
            if (world == null || options.sharedWorld() != null) {
                comeback.historyRead(history.unfinished());
            }
        }, failure -> {
            LOG.log(Level.WARNING, "history could not be opened", failure);
            view.notice(Messages.get("history.unusable", failure.getMessage()));
        });
    }

    /** The sign-ins this computer has: the SDK's default chain first, then each profile. Reads files: call off the FX thread. */
    private static List<AwsSession> sessionsOnThisComputer(URI endpoint) {
        List<AwsSession> sessions = new ArrayList<>();
        sessions.add(new AwsSession(Messages.get("account.defaultChain"), DefaultCredentialsProvider.builder().build(), endpoint));
        for (Profiles.Entry p : Profiles.list()) {
            sessions.add(new AwsSession(Messages.get("account.profile", p.name(), Messages.get("account.profileKind." + p.kind())),
                    ProfileCredentialsProvider.create(p.name()), endpoint));
        }
        return sessions;
    }

    /** The Deploy step's model, made when first needed (Create, resume): the first screen does without it. */
    private DeployViewModel deploy() {
        if (deploy == null) {
            deploy = new DeployViewModel(this::distributions, this::viewerBase, Jobs.background(), this::tokenSecret);
            // Teardown offers no choice here: the certificate and records StreamFront made served only this distribution.
            deploy.afterTeardown((id, progress) -> ownAddress().cleanUpAfterTeardown(id, false, progress));
            // Once there is something to watch, the Play step's groundwork is laid while the user reads this step.
            deploy.blocker().subscribe(blocked -> {
                if (blocked == null) {
                    play().prepare();
                }
            });
        }
        return deploy;
    }

    /** The viewer-token secret this computer keeps for a plan, if any (read off the FX thread). */
    private Optional<String> tokenSecret(String planId) {
        try {
            return TokenSecret.readIfPresent(TokenSecret.fileFor(secretsFolder(), planId));
        } catch (java.io.IOException unreadable) {
            return Optional.empty();
        }
    }

    private PlayViewModel play() {
        if (play == null) {
            play = new PlayViewModel(form.streamId, form::toPlan, this::tokenSecret);
            play.viewerBase().bind(deploy().viewerBase());
            play.beforeDeployed().bind(deploy().playNote());
        }
        return play;
    }

    /** A new audience view's model: CloudWatch through the connected sign-in, simulated viewers in practice. */
    private AudienceViewModel audience() {
        return new AudienceViewModel(() -> account.connected().get(),
                world != null ? AudienceViewModel.Settings.PRACTICE : AudienceViewModel.Settings.REAL, Jobs.background(),
                world != null ? world.join().viewers : null);
    }

    /** The distribution the Play step shows, for its audience panel; null before there is one. */
    private AudienceViewModel.Target playAudienceTarget() {
        String id = deploy().distributionId().get();
        URI base = deploy().viewerBase().get();
        if (id == null || id.isBlank() || base == null || account.connected().get() == null) {
            return null;
        }
        return new AudienceViewModel.Target(id, deploy().domain().get(), ViewerUrls.playlist(base, form.streamId.get().trim()));
    }

    /** The deploy services of the connected sign-in; built on first use, off the FX thread. */
    private synchronized Distributions distributions() {
        return services().distributions();
    }

    private synchronized OwnAddress ownAddress() {
        return services().ownAddress();
    }

    private synchronized DeployServices services() {
        if (services == null) {
            AwsSession session = account.connected().get();
            if (session == null) {
                throw new IllegalStateException("no AWS sign-in is connected");
            }
            services = new DeployServices(session.credentials(), session.endpointOrNull(), historyFile(), DeployWatcher.standard(),
                    this::viewerBase);
        }
        return services;
    }

    private AddressViewModel newAddressModel() {
        return new AddressViewModel(this::ownAddress, this::viewerBase, Jobs.background());
    }

    /** The distribution the wizard deployed, for the Own address step; null before there is one. */
    private AddressViewModel.Target addressTarget() {
        String id = deploy().distributionId().get();
        return id == null || id.isBlank() ? null : new AddressViewModel.Target(id, deploy().domain().get(), form.streamId.get().trim());
    }

    /** The Play step, playing the stream at the own address just made live. */
    private void playAtAddress(AddressViewModel model) {
        if (model.playBase() != null) {
            deploy().viewerBase().set(model.playBase());
            wizard.enter(Step.PLAY);
            view.getScene().getWindow().requestFocus();
        }
    }

    /** Practice mode's pretend DNS provider, where the step types in the records a user would add at theirs. */
    private Consumer<List<DnsRecord>> practiceDnsProvider() {
        return world == null ? null : records -> records.forEach(r -> world.join().api.dns().put(r.name(), r.type(), r.value()));
    }

    /** A distribution's own address in its own window, from My distributions. */
    private void showAddress(Window owner, MyDistributionsViewModel.Row row) {
        String stream = row.stream() == null || row.stream().isBlank() ? form.streamId.get().trim() : row.stream();
        AddressWindow.show(owner, newAddressModel(), new AddressViewModel.Target(row.id(), row.domain(), stream), this::playAtAddress,
                practiceDnsProvider());
    }

    /** Where each plan's viewer-token secret is kept: beside the history, as the deploy services read it. */
    private Path secretsFolder() {
        return historyFile().resolveSibling("secrets");
    }

    private Path historyFile() {
        return options.dataHome().resolve(options.historyFileName());
    }

    /** The services of a sign-in that is no longer current: closed when the app closes, not under running work. */
    private synchronized void retireServices() {
        if (services != null) {
            retired.add(services);
            services = null;
        }
    }

    /**
     * Where this computer reaches a distribution: its own address on the practice edge (in this
     * process, or the {@code practice} command's), or CloudFront over HTTPS.
     */
    private URI viewerBase(String domain) {
        if (world != null) {
            return world.join().edge.addressOf(domain);
        }
        return practiceEdge.map(edge -> edge.addressOf(domain)).orElseGet(() -> ViewerUrls.base(domain));
    }

    /** Review's button: create the plan's distribution, update it, or show it when nothing differs. */
    private void apply(ReviewViewModel.Target target) {
        if (form.planId.get() == null) {
            form.planId.set(PlanIds.newId());
        }
        Plan plan = form.toPlan();
        drafts.save(plan);
        wizard.enter(Step.DEPLOY);
        switch (target.mode()) {
            case UPDATE -> deploy().update(plan, target.id());
            case IN_SYNC -> deploy().open(plan, target.id());
            default -> deploy().start(plan);
        }
    }

    private void fitPracticeIfStarted() {
        if (world != null && world.isDone() && !world.isCompletedExceptionally()) {
            fitPracticeOrigin(world.join());
        }
    }

    /** Practice drafts point at this run's simulated AMS, whose port changes from run to run. */
    private void fitPracticeOrigin(PracticeWorld w) {
        if (form.domain.get().isBlank() && form.streamId.get().isBlank()) {
            form.load(w.examplePlan().withPlanId(form.planId.get()));
        } else if (form.domain.get().equals("localhost")) {
            form.httpPort.set(w.origin.port());
        }
    }

    private void backToOrigin() {
        wizard.enter(Step.ORIGIN);
    }

    private void backToReview() {
        wizard.enter(Step.REVIEW);
    }

    private void backToAccount() {
        wizard.enter(Step.ACCOUNT);
    }

    private void showMyDistributions() {
        MyDistributionsView.show(view.getScene().getWindow(), new MyDistributionsViewModel(this::distributions, Jobs.background()),
                this::openDistribution, this::teardownDistribution, this::changeSettings, this::showAudience,
                this::showAddress);
    }

    /** A distribution's audience in its own window; its stream (when known) is weighed for the viewer estimate. */
    private void showAudience(Window owner, MyDistributionsViewModel.Row row) {
        // A distribution made elsewhere names no stream: the wizard's is the best guess for weighing one.
        String stream = row.stream() == null || row.stream().isBlank() ? form.streamId.get().trim() : row.stream();
        AudienceWindow.show(owner, audience(), new AudienceViewModel.Target(row.id(), row.domain(),
                ViewerUrls.playlist(viewerBase(row.domain()), stream)));
    }

    /**
     * From My distributions: the plan read from a distribution replaces the form, and the wizard
     * starts again at Origin; Review then shows what an update would change.
     */
    private void changeSettings(PlanImport.Imported imported) {
        form.load(imported.plan());
        if (importAdvice != null) {
            view.removeBanner(importAdvice);
            importAdvice = null;
        }
        String id = imported.id();
        if (imported.advice().isEmpty()) {
            view.notice(Messages.get("mine.imported", id));
        } else {
            importAdvice = adviceBanner(Messages.get("mine.imported.advice", id), imported.advice());
            view.showBanner(importAdvice);
        }
        wizard.enter(Step.ORIGIN);
    }

    /** What an import found worth knowing, above every step until dismissed. */
    private HBox adviceBanner(String title, List<String> advice) {
        Label text = new Label(title + "\n" + String.join("\n", advice.stream().map(a -> "\u2022 " + a).toList()));
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button(Messages.get("mine.dismiss"));
        dismiss.setId("import-advice-dismiss");
        HBox banner = new HBox(10, text, dismiss);
        banner.setId("import-advice");
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.TOP_LEFT);
        dismiss.setOnAction(e -> view.removeBanner(banner));
        return banner;
    }

    /** From My distributions: watch it in the Deploy step (and play it from there). */
    private void openDistribution(MyDistributionsViewModel.Row row) {
        if (row.stream() != null && !row.stream().isBlank()) {
            form.streamId.set(row.stream());
        }
        wizard.enter(Step.DEPLOY);
        deploy().resume(planFor(row.entry()), row.entry());
    }

    private void teardownDistribution(MyDistributionsViewModel.Row row) {
        wizard.enter(Step.DEPLOY);
        deploy().teardown(row.entry());
    }

    /** The plan a history entry belongs to: the one being edited, or what the history remembers of it. */
    private Plan planFor(HistoryEntry entry) {
        return entry.planId().equals(form.planId.get()) ? form.toPlan()
                : Plan.empty().withPlanId(entry.planId()).withName(entry.name() == null ? "" : entry.name())
                        .withStream(new Plan.Stream(entry.streamId() == null ? "" : entry.streamId()));
    }

    private void resume(HistoryEntry entry) {
        Plan plan = planFor(entry);
        Runnable go = () -> {
            wizard.enter(Step.DEPLOY);
            deploy().resume(plan, entry);
        };
        if (account.connected().get() != null) {
            go.run();
            return;
        }
        account.connect();
        // Once: the first sign-in resumes; later sign-ins are just sign-ins.
        Subscription[] once = new Subscription[1];
        once[0] = account.connected().subscribe(s -> {
            if (s != null) {
                once[0].unsubscribe();
                if (wizard.current().get() != Step.DEPLOY) {
                    go.run();
                }
            }
        });
    }

    /** A banner for an offer: built once, shown while the offer stands. */
    private void showWhileOffered(String id, ReadOnlyObjectProperty<ComebackViewModel.Offer> offer,
                                  String actionId, Runnable action, String otherId, String otherText, Runnable other) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        Button main = new Button();
        main.setId(actionId);
        main.setOnAction(e -> action.run());
        Button second = new Button(otherText);
        second.setId(otherId);
        second.setOnAction(e -> other.run());
        HBox banner = new HBox(10, label, main, second);
        banner.setId(id);
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        offer.subscribe(o -> {
            if (o == null) {
                view.removeBanner(banner);
                return;
            }
            label.setText(o.text());
            main.setText(o.action());
            view.showBanner(banner);
        });
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

    /** The practice simulators, once started (practice mode only). */
    public PracticeWorld practiceWorld() {
        return world == null ? null : world.join();
    }

    @Override
    public void close() {
        closed = true;
        if (deploy != null) {
            deploy.cancel();
        }
        if (play != null) {
            play.close();
        }
        if (playAudience != null) {
            playAudience.pause(); // an open panel would go on asking CloudWatch
        }
        drafts.close();
        synchronized (this) {
            retireServices();
            retired.forEach(DeployServices::close);
            retired.clear();
        }
        if (world != null && options.sharedWorld() == null) {
            world.thenAccept(PracticeWorld::close);
        }
    }
}
