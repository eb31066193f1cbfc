package org.streamfront.ui.audience;

import org.streamfront.Numbers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.streamfront.Messages;
import org.streamfront.audience.AudienceMetrics;
import org.streamfront.audience.Traffic;
import org.streamfront.aws.AwsErrors;
import org.streamfront.aws.AwsSession;
import org.streamfront.aws.Retry;
import org.streamfront.origin.OriginCheck;
import org.streamfront.sim.SimulatedViewers;
import org.streamfront.ui.Jobs;

/**
 * Who is watching a distribution: CloudFront's metrics from CloudWatch, read again every refresh
 * while shown, and the viewers they add up to at the stream's measured bitrate.
 */
public final class AudienceViewModel {
    /** How much to show and how often to ask: an hour of minutes for real, minutes of seconds in practice. */
    public record Settings(Duration window, int periodSeconds, Duration refresh, int estimatePeriods) {
        public static final Settings REAL = new Settings(Duration.ofHours(1), AudienceMetrics.PERIOD_SECONDS, Duration.ofMinutes(1), 3);
        /** The practice CloudWatch has no publishing delay and accepts short periods: the story in seconds. */
        public static final Settings PRACTICE = new Settings(Duration.ofMinutes(5), 5, Duration.ofSeconds(5), 6);
    }

    /** The distribution to watch, and where this computer reaches its playlist (to weigh the stream). */
    public record Target(String distributionId, String domain, URI playlist) {
    }

    public enum State { IDLE, LOADING, NO_DATA, DATA, DENIED, FAILED }

    final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    final StringProperty message = new SimpleStringProperty("");
    /** Why CloudWatch could not be read, in words and with the detail; null while it can. */
    final ObjectProperty<AwsErrors.Explained> error = new SimpleObjectProperty<>();
    final ObjectProperty<Traffic> traffic = new SimpleObjectProperty<>();
    /** What one viewer downloads per second, measured from the stream's newest segments; 0 until weighed. */
    final ObjectProperty<Long> bitrate = new SimpleObjectProperty<>(0L);
    final StringProperty viewers = new SimpleStringProperty("");
    /** The viewer estimate as a short figure ("about 20 viewers") for a title; empty when unknown. */
    public final StringProperty viewersShort = new SimpleStringProperty("");
    final StringProperty hint = new SimpleStringProperty("");
    final StringProperty originShare = new SimpleStringProperty("");
    final IntegerProperty simulated = new SimpleIntegerProperty(0);
    /** The cache hit rate is not reported and may be turned on (it costs a little a month). */
    final BooleanProperty hitRateOffered = new SimpleBooleanProperty(false);
    final BooleanProperty turningOn = new SimpleBooleanProperty(false);
    final BooleanProperty practice = new SimpleBooleanProperty();

    private final Supplier<AwsSession> session;
    private final Settings settings;
    private final Jobs jobs;
    private final SimulatedViewers simulate;
    private final Timeline ticker;
    private Target target;
    private Jobs.Job reading;
    /** A read is under way: the next tick does not start another. */
    private boolean inFlight;
    /** The additional metrics were turned on from here: the hit rate is on its way. */
    private boolean hitRateAsked;
    private Jobs.Job weighing;

    /** {@code simulate}: practice mode's simulated viewers, which the user may add; null for real AWS. */
    public AudienceViewModel(Supplier<AwsSession> session, Settings settings, Jobs jobs, SimulatedViewers simulate) {
        this.session = session;
        this.settings = settings;
        this.jobs = jobs;
        this.simulate = simulate;
        practice.set(simulate != null);
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(settings.refresh().toMillis()), e -> refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        simulated.subscribe(n -> {
            if (simulate != null && target != null && simulate.watching(target.domain()) != n.intValue()) {
                simulate.watch(target.domain(), n.intValue());
            }
        });
    }

    /** Starts showing a distribution: weighs its stream once, reads its metrics now and at every refresh. */
    public void show(Target t) {
        boolean same = target != null && target.equals(t);
        target = t;
        if (simulate != null) {
            // Viewers added from another view of the same distribution are still watching: say so.
            simulated.set(simulate.watching(t.domain()));
        }
        if (!same) {
            hitRateAsked = false;
            traffic.set(null);
            bitrate.set(0L);
            viewers.set("");
            weigh();
        }
        refresh();
        ticker.play();
    }

    /** Stops asking CloudWatch (the panel is closed or the step left). */
    public void pause() {
        ticker.stop();
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        inFlight = false;
    }

    private void weigh() {
        if (weighing != null) {
            weighing.cancel();
        }
        URI playlist = target.playlist();
        weighing = jobs.run(() -> OriginCheck.standard().renditions(playlist), renditions -> {
            // Planning for the highest rendition: the figure is then "at least this many viewers".
            bitrate.set(OriginCheck.highest(renditions).map(OriginCheck.Rendition::measuredBps).orElse(0L));
            describe();
        }, failure -> { });
    }

    void refresh() {
        if (target == null || inFlight) {
            return;
        }
        if (state.get() == State.IDLE) {
            state.set(State.LOADING);
            message.set(Messages.get("audience.loading"));
        }
        String id = target.distributionId();
        inFlight = true;
        Jobs.Job job = jobs.run(() -> new AudienceMetrics(session.get(), Retry.standard())
                .read(id, settings.window(), settings.periodSeconds(), (what, next, wait, cause) -> { }), t -> {
            inFlight = false;
            error.set(null);
            traffic.set(t);
            state.set(t.hasData() ? State.DATA : State.NO_DATA);
            describe();
        }, failure -> {
            inFlight = false;
            AwsErrors.Explained explained = AwsErrors.explain(failure);
            state.set(explained.aboutPermissions() ? State.DENIED : State.FAILED);
            message.set(explained.aboutPermissions() ? Messages.get("audience.denied", AudienceMetrics.PERMISSION)
                    : Messages.get("audience.failed", explained.summary()));
            error.set(explained);
        });
        reading = inFlight ? job : null;
    }

    /** The words beside the charts: status, viewers, the newest error spike, the origin's share. */
    private void describe() {
        Traffic t = traffic.get();
        if (t == null || state.get() == State.DENIED || state.get() == State.FAILED) {
            return;
        }
        if (!t.hasData()) {
            message.set(Messages.get(practice.get() ? "audience.noDataPractice" : "audience.noData"));
            viewers.set("");
            viewersShort.set("");
            hint.set("");
            originShare.set("");
            return;
        }
        double requests = t.requests().stream().mapToDouble(Traffic.Point::value).sum();
        message.set(Messages.get("audience.summary", Numbers.whole(requests), minutes(settings.window())));
        var estimate = t.viewers(bitrate.get(), settings.estimatePeriods());
        viewersShort.set(estimate.map(v -> Messages.get("audience.viewersShort", Numbers.whole(v))).orElse(""));
        viewers.set(estimate
                .map(v -> Messages.get("audience.viewers", Numbers.whole(v),
                        String.format(Locale.ROOT, "%.2f", bitrate.get() / 1e6)))
                .orElse(bitrate.get() == 0 ? Messages.get("audience.viewers.noBitrate") : Messages.get("audience.viewers.wait")));
        hint.set(t.newestSpike().map(s -> Messages.get(s.serverErrors() ? "audience.spike.5xx" : "audience.spike.4xx",
                String.format(Locale.ROOT, "%.0f", s.at().value()))).orElse(""));
        originShare.set(t.originShare().map(share -> Messages.get("audience.originShare", String.format(Locale.ROOT, "%.0f", share)))
                .orElse(Messages.get(hitRateAsked ? "audience.hitRateComing" : "audience.hitRateOff")));
        hitRateOffered.set(t.originShare().isEmpty() && !hitRateAsked);
    }

    /** Turns on the distribution's additional metrics; the hit rate then arrives with CloudWatch's next figures. */
    void turnOnHitRate() {
        if (target == null) {
            return;
        }
        String id = target.distributionId();
        turningOn.set(true);
        jobs.run(() -> {
            new AudienceMetrics(session.get(), Retry.standard()).turnOnAdditionalMetrics(id, (what, next, wait, cause) -> { });
            return true;
        }, done -> {
            turningOn.set(false);
            hitRateAsked = true;
            describe();
        }, failure -> {
            turningOn.set(false);
            error.set(AwsErrors.explain(failure));
        });
    }

    private static String minutes(Duration d) {
        return d.toMinutes() >= 60 ? Messages.get("audience.lastHour") : Messages.get("audience.lastMinutes", d.toMinutes());
    }

    Settings settings() {
        return settings;
    }

    /** The series for charts: the newest datapoint's distance from now, in minutes, against its value. */
    static List<double[]> minutesAgo(List<Traffic.Point> points) {
        long now = System.currentTimeMillis();
        return points.stream().map(p -> new double[] {-(now - p.at().toEpochMilli()) / 60_000.0, p.value()}).toList();
    }
}
