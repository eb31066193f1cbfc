package org.streamfront.ui.distributions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.HistoryEntry;
import org.streamfront.deploy.LifecycleState;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.PlanImport;
import org.streamfront.ui.Jobs;

/**
 * "My distributions": the distributions StreamFront made, from the history on this computer and
 * from CloudFront itself (its comment carries the plan id), one row each; on request every other
 * distribution in the account too, to import.
 */
public final class MyDistributionsViewModel {
    /**
     * One distribution as the list shows it; {@code entry} is its history, made up when only CloudFront
     * knew it. Not {@code ours}: someone else's, listed with "show all", which only Import acts on.
     */
    public record Row(String id, String status, String domain, String stream, Instant created, HistoryEntry entry,
                      boolean ours) {
    }

    final ObservableList<Row> rows = FXCollections.observableArrayList();
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty loading = new SimpleBooleanProperty(false);
    /** Also list the distributions StreamFront did not make, to import one. */
    final BooleanProperty showAll = new SimpleBooleanProperty(false);
    private final Supplier<Distributions> distributions;
    private final Jobs jobs;

    /** {@code distributions} throws IllegalStateException while no account is connected. */
    public MyDistributionsViewModel(Supplier<Distributions> distributions, Jobs jobs) {
        this.distributions = distributions;
        this.jobs = jobs;
    }

    public void refresh() {
        loading.set(true);
        message.set(Messages.get("mine.loading"));
        boolean all = showAll.get();
        jobs.run(() -> {
            Distributions d = distributions.get();
            Map<String, Row> byId = new LinkedHashMap<>();
            for (HistoryEntry e : d.history().all()) {
                if (e.distributionId() != null && e.state().mayExist()) {
                    byId.put(e.distributionId(), new Row(e.distributionId(), Messages.get("mine.unknown"), e.domain(),
                            e.streamId(), e.createdAt(), e, true));
                }
            }
            for (Snapshot s : d.listAll(Progress.SILENT)) {
                Row known = byId.get(s.id());
                String status = Messages.get(s.deployed() ? "mine.deployed" : "mine.inProgress");
                if (!s.enabled()) {
                    status = Messages.get("mine.disabled", status);
                }
                if (known == null && !Distributions.ours(s)) {
                    if (all) {
                        byId.put(s.id(), new Row(s.id(), status, s.domain(), Messages.get("mine.foreign"), s.lastModified(), null, false));
                    }
                    continue;
                }
                HistoryEntry entry = known != null ? known.entry()
                        : new HistoryEntry(DistributionConfigMapper.planIdInComment(s.comment()).orElse(s.id()),
                                s.comment(), "", LifecycleState.DEPLOYING, s.id(), s.domain(),
                                s.lastModified(), null, null, null);
                byId.put(s.id(), new Row(s.id(), status, s.domain(), entry.streamId(), entry.createdAt(), entry, true));
            }
            return new ArrayList<>(byId.values());
        }, (List<Row> found) -> {
            loading.set(false);
            rows.setAll(found);
            message.set(!found.isEmpty() ? "" : Messages.get(all ? "mine.noneAtAll" : "mine.none"));
        }, failure -> {
            loading.set(false);
            message.set(failure instanceof IllegalStateException ? Messages.get("mine.connectFirst")
                    : AwsErrors.explain(failure).summary());
        });
    }

    /**
     * Reads the row's distribution into a plan to change it in the wizard: its own plan for one of
     * StreamFront's, a new plan (with advice) for one imported. The window stays open on failure.
     */
    public void readPlan(Row row, Consumer<PlanImport.Imported> then) {
        loading.set(true);
        message.set(Messages.get("mine.reading", row.id()));
        jobs.run(() -> distributions.get().importDistribution(row.id(), Progress.SILENT), imported -> {
            loading.set(false);
            message.set("");
            then.accept(imported);
        }, failure -> {
            loading.set(false);
            message.set(AwsErrors.explain(failure).summary());
        });
    }
}
