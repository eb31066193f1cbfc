package org.streamfront.ui.deploy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
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
import javafx.concurrent.Task;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.HistoryEntry;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.plan.Plan;
import org.streamfront.playback.ViewerProbe;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.ui.Background;

/**
 * The Deploy step: create (or find) the distribution, watch it until Deployed, and say what is
 * happening all along. Work runs off the FX thread; Cancel stops watching and offers teardown.
 */
public final class DeployViewModel {

    final StringProperty distributionId = new SimpleStringProperty("");
    final StringProperty domain = new SimpleStringProperty("");
    final StringProperty status = new SimpleStringProperty("");
    final StringProperty elapsed = new SimpleStringProperty("");
    final StringProperty estimate = new SimpleStringProperty("");
    final StringProperty cloudFrontUrl = new SimpleStringProperty("");
    final StringProperty edgeNote = new SimpleStringProperty("");
    final ObservableList<String> log = FXCollections.observableArrayList();
    final DoubleProperty progress = new SimpleDoubleProperty(0);
    final BooleanProperty running = new SimpleBooleanProperty(false);
    final BooleanProperty deployed = new SimpleBooleanProperty(false);
    final BooleanProperty stopped = new SimpleBooleanProperty(false);
    final BooleanProperty deleted = new SimpleBooleanProperty(false);
    final ObjectProperty<AwsErrors.Explained> error = new SimpleObjectProperty<>();
    private final ObjectProperty<URI> viewerBase = new SimpleObjectProperty<>();
    private final StringBinding blocker;

    private final Supplier<Distributions> distributions;
    private final Function<String, URI> viewerBaseFor;
    private final ViewerProbe probe = new ViewerProbe();
    private final Timeline ticker;
    private Instant startedAt;
    private Double typicalSeconds;
    private Task<?> work;
    private Plan plan;

    /** {@code viewerBaseFor} maps a CloudFront domain to where this computer reaches it (the practice edge, or https). */
    public DeployViewModel(Supplier<Distributions> distributions, Function<String, URI> viewerBaseFor) {
        this.distributions = distributions;
        this.viewerBaseFor = viewerBaseFor;
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        blocker = Bindings.createStringBinding(() -> deployed.get() ? null
                : running.get() ? Messages.get("deploy.blocker.waiting")
                : Messages.get("deploy.blocker"), deployed, running);
    }

    public StringBinding blocker() {
        return blocker;
    }

    /** Where the deployed distribution is reached from here; the Play step plays from it. */
    public ObjectProperty<URI> viewerBase() {
        return viewerBase;
    }

    /** Create (or find) the plan's distribution and watch it. */
    public void start(Plan newPlan) {
        this.plan = newPlan;
        begin(Messages.get("deploy.log.started"), d -> d.create(newPlan, progressSink()));
    }

    /** Watch a distribution from the history again, after StreamFront was closed mid-deploy. */
    public void resume(Plan forPlan, HistoryEntry entry) {
        this.plan = forPlan;
        begin(Messages.get("deploy.log.resumed", entry.distributionId() == null ? "" : entry.distributionId()), d -> {
            if (entry.distributionId() == null) {
                return d.create(forPlan, progressSink());
            }
            return d.get(entry.distributionId(), progressSink());
        });
    }

    private interface FirstStep {
        Snapshot run(Distributions d) throws Exception;
    }

    private void begin(String firstLine, FirstStep first) {
        reset();
        addLog(firstLine);
        running.set(true);
        startedAt = Instant.now();
        ticker.play();
        tick();
        typicalSeconds = null;
        estimate.set(Messages.get("deploy.estimate.typical"));
        progress.set(-1);
        // The services (and the history file behind them) are opened off the FX thread.
        work = Background.run(() -> {
            Distributions d = distributions.get();
            var typical = d.history().typicalDeploySeconds();
            if (typical.isPresent()) {
                Platform.runLater(() -> {
                    typicalSeconds = typical.getAsDouble();
                    estimate.set(Messages.get("deploy.estimate.history", Math.round(typicalSeconds / 60.0)));
                });
            }
            Snapshot s = first.run(d);
            Platform.runLater(() -> show(s));
            return s.deployed() ? s : d.watcher().awaitDeployed(s.id(), d, progressSink(), null);
        }, s -> {
            show(s);
            finish();
            deployed.set(true);
            progress.set(1);
            addLog(Messages.get("deploy.log.done"));
        }, failure -> {
            finish();
            if (work != null && work.isCancelled()) {
                return;
            }
            error.set(AwsErrors.explain(failure));
            addLog(AwsErrors.explain(failure).summary());
        });
    }

    /** Stops watching; the distribution stays as it is until the user chooses. */
    public void cancel() {
        if (work != null && running.get()) {
            work.cancel(true);
            finish();
            stopped.set(true);
            addLog(Messages.get("deploy.log.stoppedWatching"));
        }
    }

    /** Deletes a distribution chosen in My distributions, showing the work here. */
    public void teardown(HistoryEntry entry) {
        reset();
        distributionId.set(entry.distributionId());
        domain.set(entry.domain() == null ? "" : entry.domain());
        addLog(Messages.get("deploy.log.teardownStarted", entry.distributionId()));
        teardown();
    }

    public void teardown() {
        String id = distributionId.get();
        if (id.isEmpty()) {
            return;
        }
        stopped.set(false);
        error.set(null);
        running.set(true);
        progress.set(-1);
        startedAt = Instant.now();
        ticker.play();
        work = Background.run(() -> {
            distributions.get().teardown(id, progressSink());
            return id;
        }, done -> {
            finish();
            deleted.set(true);
            status.set(Messages.get("deploy.status.deleted"));
        }, failure -> {
            finish();
            error.set(AwsErrors.explain(failure));
        });
    }

    public void retry() {
        if (plan != null) {
            start(plan);
        }
    }

    private Progress progressSink() {
        return new Progress() {
            @Override
            public void log(String message) {
                Platform.runLater(() -> addLog(message));
            }

            @Override
            public void status(Snapshot s) {
                Platform.runLater(() -> show(s));
                probeEdge(s);
            }
        };
    }

    /** While CloudFront still says InProgress, the edge may already serve: say so when it does. */
    private void probeEdge(Snapshot s) {
        if (s.deployed() || plan == null || plan.stream().id().isBlank() || !edgeNote.get().isEmpty()) {
            return;
        }
        int code = probe.status(ViewerUrls.playlist(viewerBaseFor.apply(s.domain()), plan.stream().id()));
        if (code == 200) {
            Platform.runLater(() -> {
                edgeNote.set(Messages.get("deploy.edgeAnswers"));
                addLog(Messages.get("deploy.edgeAnswers"));
            });
        }
    }

    private void show(Snapshot s) {
        distributionId.set(s.id());
        domain.set(s.domain());
        status.set(s.deployed() ? Messages.get("deploy.status.deployed") : Messages.get("deploy.status.inProgress"));
        if (plan != null && !plan.stream().id().isBlank()) {
            cloudFrontUrl.set(ViewerUrls.production(s.domain(), plan.stream().id()).toString());
        }
        viewerBase.set(viewerBaseFor.apply(s.domain()));
        if (s.deployed() && !deployed.get()) {
            // Next opens the moment the status says Deployed, not a beat later.
            deployed.set(true);
            progress.set(1);
        }
    }

    private void tick() {
        if (startedAt == null) {
            return;
        }
        long seconds = Duration.between(startedAt, Instant.now()).toSeconds();
        elapsed.set(Messages.get("deploy.elapsed", seconds / 60, seconds % 60));
        if (typicalSeconds != null && running.get() && !deployed.get()) {
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
        deployed.set(false);
        edgeNote.set("");
        status.set("");
    }

    private void addLog(String line) {
        log.add(DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(Instant.now()) + "  " + line);
    }
}
