package org.streamfront.ui.deploy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.streamfront.Messages;
import org.streamfront.access.ViewerToken;
import org.streamfront.aws.AwsErrors;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.HistoryEntry;
import org.streamfront.deploy.LifecycleState;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.plan.Plan;
import org.streamfront.playback.ViewerProbe;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.ui.Jobs;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/**
 * The Deploy step: create (or find) the distribution, watch it until Deployed, and say what is
 * happening all along. Work runs off the FX thread; Cancel stops watching and offers teardown.
 */
public final class DeployViewModel {
    /** CloudFront's own word (2020 on): most changes reach every edge location within about five minutes. */
    private static final double TYPICAL_SECONDS = 300;
    /** The time of day on log lines and on "asked at". */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    final StringProperty distributionId = new SimpleStringProperty("");
    final StringProperty domain = new SimpleStringProperty("");
    final StringProperty status = new SimpleStringProperty("");
    final StringProperty elapsed = new SimpleStringProperty("");
    final StringProperty estimate = new SimpleStringProperty("");
    final StringProperty cloudFrontUrl = new SimpleStringProperty("");
    /** What the edge answered for the stream while CloudFront still deploys: serving, not yet, or nothing asked. */
    final StringProperty edgeNote = new SimpleStringProperty("");
    /** The edge served a real playlist for the stream: the user may watch before Deployed. */
    final BooleanProperty watchable = new SimpleBooleanProperty(false);
    final ObservableList<String> log = FXCollections.observableArrayList();
    final DoubleProperty progress = new SimpleDoubleProperty(0);
    final BooleanProperty running = new SimpleBooleanProperty(false);
    final BooleanProperty deployed = new SimpleBooleanProperty(false);
    final BooleanProperty stopped = new SimpleBooleanProperty(false);
    final BooleanProperty deleted = new SimpleBooleanProperty(false);
    /** The update found the distribution changed by someone else: Review shows what differs now. */
    final BooleanProperty changedMeanwhile = new SimpleBooleanProperty(false);
    final ObjectProperty<AwsErrors.Explained> error = new SimpleObjectProperty<>();
    private final ObjectProperty<URI> viewerBase = new SimpleObjectProperty<>();
    private final StringBinding blocker;
    private final StringBinding playNote;

    private final Supplier<Distributions> distributions;
    private final Function<String, URI> viewerBaseFor;
    private final ViewerProbe probe = new ViewerProbe();
    /** One edge probe at a time, beside the status reads, so a slow edge never delays them. */
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Function<String, Optional<String>> secrets;
    private final Timeline ticker;
    private final Jobs executor;
    private Instant startedAt;
    private double typicalSeconds = TYPICAL_SECONDS;
    private Jobs.Job work;
    private int generation;
    private Plan plan;
    private Runnable again;

    /** {@code viewerBaseFor} maps a CloudFront domain to where this computer reaches it (the practice edge, or https). */
    public DeployViewModel(Supplier<Distributions> distributions, Function<String, URI> viewerBaseFor, Jobs executor) {
        this(distributions, viewerBaseFor, executor, planId -> Optional.empty());
    }

    /** {@code secrets}: a plan's viewer-token secret by plan id, so the edge probe of a protected stream carries a token. */
    public DeployViewModel(Supplier<Distributions> distributions, Function<String, URI> viewerBaseFor, Jobs executor,
                           Function<String, Optional<String>> secrets) {
        this.distributions = distributions;
        this.secrets = secrets;
        this.executor = executor;
        this.viewerBaseFor = viewerBaseFor;
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // Play opens as soon as the edge serves the stream: Deployed only means every edge location has it.
        blocker = Bindings.createStringBinding(() -> deployed.get() || watchable.get() ? null
                : running.get() ? Messages.get("deploy.blocker.waiting")
                : Messages.get("deploy.blocker"), deployed, running, watchable);
        playNote = Bindings.createStringBinding(() -> deployed.get() || !watchable.get() ? ""
                : Messages.get(plan != null && plan.access().tokens() ? "play.beforeDeployed.tokens" : "play.beforeDeployed"),
                deployed, watchable);
    }

    public StringBinding blocker() {
        return blocker;
    }

    /** For the Play step: what playing before Deployed means (empty once Deployed). */
    public StringBinding playNote() {
        return playNote;
    }

    /** Where the deployed distribution is reached from here; the Play step plays from it. */
    /** The distribution shown (empty before the first create or open) and its CloudFront domain. */
    public StringProperty distributionId() {
        return distributionId;
    }

    public StringProperty domain() {
        return domain;
    }

    public ObjectProperty<URI> viewerBase() {
        return viewerBase;
    }

    /** Create (or find) the plan's distribution and watch it. */
    public void start(Plan newPlan) {
        this.plan = newPlan;
        again = () -> start(newPlan);
        begin(Messages.get("deploy.log.started"), (d, progress) -> {
            Snapshot s = d.create(newPlan, progress);
            executor.ui(() -> show(s));
            return new Distributions.Resumed(LifecycleState.Resume.CREATE,
                    s.deployed() ? s : d.awaitDeployed(s.id(), progress, null));
        });
    }

    /**
     * Brings the plan's distribution {@code id} in line with the plan and watches the change spread;
     * its address stays. Changed by someone else meanwhile: nothing is sent, and Review shows what differs now.
     */
    public void update(Plan newPlan, String id) {
        this.plan = newPlan;
        again = () -> update(newPlan, id);
        begin(Messages.get("deploy.log.updateStarted", id), (d, progress) -> {
            Distributions.Updated updated = d.update(id, newPlan, progress);
            return watch(d, updated.snapshot() != null ? updated.snapshot() : d.get(id, progress), progress);
        });
    }

    /** Shows a distribution that already matches the plan: its status, until Deployed. */
    public void open(Plan forPlan, String id) {
        this.plan = forPlan;
        again = () -> open(forPlan, id);
        begin(Messages.get("deploy.log.opened", id), (d, progress) -> watch(d, d.get(id, progress), progress));
    }

    private Distributions.Resumed watch(Distributions d, Snapshot s, Progress progress) throws Exception {
        executor.ui(() -> show(s));
        return new Distributions.Resumed(LifecycleState.Resume.WATCH, s.deployed() ? s : d.awaitDeployed(s.id(), progress, null));
    }

    /** Carry on with a plan's distribution after StreamFront was closed: watch it, or finish deleting it. */
    public void resume(Plan forPlan, HistoryEntry entry) {
        this.plan = forPlan;
        again = () -> resume(forPlan, entry);
        showKnown(entry);
        String line = entry.state().resume() == LifecycleState.Resume.TEARDOWN ? "deploy.log.teardownResumed" : "deploy.log.resumed";
        // The lifecycle knows what to do in each state; each status read on the way shows here.
        begin(Messages.get(line, distributionId.get()), (d, progress) -> d.resume(forPlan, entry, progress, null));
    }

    /** Deletes a distribution chosen in My distributions, showing the work here. */
    public void teardown(HistoryEntry entry) {
        showKnown(entry);
        teardown();
    }

    /** Deletes the distribution this step shows: disable, wait, delete. Replaces any running watch. */
    public void teardown() {
        String id = distributionId.get();
        if (id.isEmpty()) {
            return;
        }
        again = this::teardown;
        begin(Messages.get("deploy.log.teardownStarted", id), (d, progress) -> {
            d.teardown(id, progress, null);
            afterTeardown.run(id, progress);
            return new Distributions.Resumed(LifecycleState.Resume.TEARDOWN, null);
        });
    }

    /** What else goes once a distribution is deleted (the certificate and records made for its own address). */
    public interface AfterTeardown {
        void run(String id, Progress progress) throws Exception;
    }

    private AfterTeardown afterTeardown = (id, progress) -> { };

    public void afterTeardown(AfterTeardown then) {
        afterTeardown = then;
    }

    private interface Work {
        Distributions.Resumed run(Distributions d, Progress progress) throws Exception;
    }

    /**
     * Starts a job, first cancelling the one it replaces; a replaced job's late results and log
     * lines are dropped (each job knows its generation).
     */
    private void begin(String firstLine, Work what) {
        stopWork();
        int job = ++generation;
        reset();
        addLog(firstLine);
        running.set(true);
        startedAt = Instant.now();
        typicalSeconds = TYPICAL_SECONDS;
        estimate.set(Messages.get("deploy.estimate.typical"));
        progress.set(0);
        ticker.play();
        tick();
        Progress sink = progressSink(job);
        // The services (and the history file behind them) are opened off the FX thread.
        work = executor.run(() -> {
            Distributions d = distributions.get();
            var typical = d.history().typicalDeploySeconds();
            if (typical.isPresent()) {
                executor.ui(() -> {
                    if (job == generation) {
                        typicalSeconds = Math.max(1, typical.getAsDouble());
                        estimate.set(Messages.get("deploy.estimate.history", Math.max(1, Math.round(typicalSeconds / 60.0))));
                    }
                });
            }
            return what.run(d, sink);
        }, result -> {
            if (job != generation) {
                return;
            }
            finish();
            if (result.deleted()) {
                deleted.set(true);
                status.set(Messages.get("deploy.status.deleted"));
                progress.set(1);
                return;
            }
            show(result.snapshot());
            deployed.set(true);
            progress.set(1);
            addLog(Messages.get("deploy.log.done"));
        }, failure -> {
            if (job != generation) {
                return;
            }
            finish();
            changedMeanwhile.set(failure instanceof PreconditionFailedException);
            AwsErrors.Explained explained = AwsErrors.explain(failure);
            error.set(explained);
            addLog(explained.summary());
        });
    }

    /** Stops watching; the distribution stays as it is until the user chooses. */
    public void cancel() {
        if (running.get()) {
            stopWork();
            generation++;
            finish();
            stopped.set(true);
            addLog(Messages.get("deploy.log.stoppedWatching"));
        }
    }

    /** The user keeps the distribution after stopping: the choice goes away. */
    public void keep() {
        stopped.set(false);
    }

    private void stopWork() {
        if (work != null) {
            work.cancel();
            work = null;
        }
    }

    private void showKnown(HistoryEntry entry) {
        distributionId.set(entry.distributionId() == null ? "" : entry.distributionId());
        domain.set(entry.domain() == null ? "" : entry.domain());
    }

    /** Try again: the last create, update, watch or resume, as it was asked for. */
    public void retry() {
        if (again != null) {
            again.run();
        }
    }

    private Progress progressSink(int job) {
        return new Progress() {
            @Override
            public void log(String message) {
                executor.ui(() -> {
                    if (job == generation) {
                        addLog(message);
                    }
                });
            }

            @Override
            public void status(Snapshot s) {
                executor.ui(() -> {
                    if (job == generation) {
                        show(s);
                    }
                });
                probeEdge(s, job);
            }
        };
    }

    /**
     * While CloudFront still says InProgress, the edge may already serve: asks it for the stream's
     * playlist (read and parsed, a 200 alone is not enough) and says whether it does, beside the status reads.
     */
    private void probeEdge(Snapshot s, int job) {
        Plan asked = plan;
        if (job != generation || s.deployed() || !s.enabled() || asked == null || asked.stream().id().isBlank()
                || watchable.get() || !probing.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                boolean serves = probe.servesPlaylist(edgeAddress(asked, viewerBaseFor.apply(s.domain())));
                executor.ui(() -> showEdge(job, serves));
            } finally {
                probing.set(false);
            }
        });
    }

    /** The stream's playlist at the edge; with viewer tokens, with a short one in its path when this computer keeps the secret. */
    private URI edgeAddress(Plan asked, URI base) {
        String stream = asked.stream().id().trim();
        Optional<String> secret = asked.access().tokens() ? secrets.apply(asked.planId()) : Optional.empty();
        return secret.map(key -> ViewerUrls.withToken(base, ViewerToken.make(key, stream, Instant.now().plus(PROBE_TOKEN_LIFETIME)), stream))
                .orElse(ViewerUrls.playlist(base, stream));
    }

    private static final Duration PROBE_TOKEN_LIFETIME = Duration.ofMinutes(5);

    private void showEdge(int job, boolean serves) {
        if (job != generation || deployed.get() || watchable.get()) {
            return;
        }
        if (serves) {
            watchable.set(true);
            edgeNote.set(Messages.get("deploy.edgeAnswers"));
            addLog(Messages.get("deploy.edgeAnswers"));
            return;
        }
        if (edgeNote.get().isEmpty()) {
            addLog(Messages.get("deploy.log.edgeNotYet"));
        }
        edgeNote.set(Messages.get("deploy.edgeNotYet", CLOCK.format(Instant.now())));
    }

    private void show(Snapshot s) {
        distributionId.set(s.id());
        domain.set(s.domain());
        status.set(!s.enabled() ? Messages.get("deploy.status.disabled")
                : s.deployed() ? Messages.get("deploy.status.deployed") : Messages.get("deploy.status.inProgress"));
        if (plan != null && !plan.stream().id().isBlank()) {
            // With viewer tokens the address has the viewer's token in its path; the Play step makes one to watch with.
            cloudFrontUrl.set(plan.access().tokens() ? ViewerUrls.base(s.domain()) + "/t/<token>/streams/" + plan.stream().id() + ".m3u8"
                    : ViewerUrls.production(s.domain(), plan.stream().id()).toString());
        }
        viewerBase.set(viewerBaseFor.apply(s.domain()));
        if (s.deployed() && s.enabled() && !deployed.get()) {
            // Next opens the moment the status says Deployed, not a beat later; never for a switched-off distribution.
            deployed.set(true);
            progress.set(1);
            if (!watchable.get()) {
                edgeNote.set(""); // "not serving yet" was about the deployment, which is over
            }
        }
    }

    private void tick() {
        if (startedAt == null) {
            return;
        }
        long seconds = Duration.between(startedAt, Instant.now()).toSeconds();
        elapsed.set(Messages.get("deploy.elapsed", seconds / 60, seconds % 60));
        if (running.get() && !deployed.get()) {
            // Elapsed against the typical time, never full before CloudFront says so.
            progress.set(Math.min(0.95, seconds / typicalSeconds));
        }
    }

    private void finish() {
        running.set(false);
        ticker.stop();
        tick();
    }

    private void reset() {
        log.clear();
        error.set(null);
        stopped.set(false);
        deleted.set(false);
        changedMeanwhile.set(false);
        deployed.set(false);
        watchable.set(false);
        edgeNote.set("");
        status.set("");
    }

    private void addLog(String line) {
        log.add(CLOCK.format(Instant.now()) + "  " + line);
    }
}
