package org.streamfront.ui.origin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.streamfront.Messages;
import org.streamfront.origin.Check;
import org.streamfront.origin.OriginCheck;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanRules;
import org.streamfront.ui.Jobs;
import org.streamfront.ui.wizard.PlanForm;

/**
 * Runs the origin check when the origin fields are complete (a moment after typing stops) and on
 * demand; never blocks typing. The Origin, Review and Play steps show its results.
 */
public final class OriginCheckViewModel {
    final ObservableList<Check> checks = FXCollections.observableArrayList();
    final ObservableList<String> liveStreams = FXCollections.observableArrayList();
    final BooleanProperty running = new SimpleBooleanProperty(false);
    private final PlanForm form;
    private final PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(800));
    private final Duration timeout;
    private final Jobs jobs;
    private boolean automatic;
    private int generation;

    public OriginCheckViewModel(PlanForm form, Duration timeout, Jobs jobs) {
        this.form = form;
        this.timeout = timeout;
        this.jobs = jobs;
        settle.setOnFinished(e -> run());
        InvalidationListener changed = obs -> {
            if (automatic) {
                settle.playFromStart();
            }
        };
        for (Observable field : List.<Observable>of(form.domain, form.application,
                form.protocol, form.httpPort, form.httpsPort, form.streamId, form.secondaryDomain)) {
            field.addListener(changed);
        }
    }

    /** From now on, changes to the origin fields start a check by themselves (the Origin step is open). */
    public void startAutomatic() {
        if (!automatic) {
            automatic = true;
            run();
        }
    }

    public ObservableList<Check> checks() {
        return checks;
    }

    public ObservableList<String> liveStreams() {
        return liveStreams;
    }

    /** The first server's checks, then the second server's (if there is a valid one), each line saying which. */
    private OriginCheck.Report checkBoth(Plan.Origin o, String streamId) throws InterruptedException {
        OriginCheck.Report first = new OriginCheck(timeout).run(o, streamId);
        if (!o.hasSecondary() || PlanRules.secondaryDomain(o.secondaryDomain(), o.domain()).isPresent()) {
            return first;
        }
        Plan.Origin second = new Plan.Origin(o.secondaryDomain(), o.application(), o.protocol(), o.httpPort(), o.httpsPort());
        List<Check> all = new ArrayList<>(first.checks());
        for (Check c : new OriginCheck(timeout).run(second, streamId).checks()) {
            all.add(new Check("secondary-" + c.id(), c.mark(), Messages.get("origin.check.secondary", c.summary()), c.detail()));
        }
        return new OriginCheck.Report(all, first.liveStreams(), first.suggestedPlaylistTtl(), first.lowLatency(), first.renditions());
    }

    /** Checks now, if the origin fields are valid; a newer check replaces an older one still running. */
    public void run() {
        Plan plan = form.toPlan();
        Plan.Origin o = plan.origin();
        boolean complete = PlanRules.domain(o.domain()).isEmpty() && PlanRules.application(o.application()).isEmpty()
                && PlanRules.port(o.httpPort()).isEmpty() && PlanRules.port(o.httpsPort()).isEmpty();
        if (!complete) {
            generation++;
            checks.clear();
            liveStreams.clear();
            running.set(false);
            return;
        }
        int mine = ++generation;
        running.set(true);
        jobs.run(() -> checkBoth(o, plan.stream().id()), report -> {
            if (mine == generation) {
                checks.setAll(report.checks());
                liveStreams.setAll(report.liveStreams());
                form.measuredRenditions.setAll(report.renditions());
                if (report.lowLatency()) {
                    // Its part requests must stay apart in CloudFront's cache: the plan says so from now on.
                    form.lowLatencyHls.set(true);
                }
                running.set(false);
            }
        }, failure -> {
            if (mine == generation) {
                // What an earlier check found no longer stands: show that this one failed, not old green lines.
                checks.setAll(Check.red("check", Messages.get("origin.check.failed"), String.valueOf(failure)));
                liveStreams.clear();
                running.set(false);
            }
        });
    }
}
