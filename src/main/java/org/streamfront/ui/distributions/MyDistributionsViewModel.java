package org.streamfront.ui.distributions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.streamfront.ui.Jobs;

/**
 * "My distributions": the distributions StreamFront made, from the history on this computer and
 * from CloudFront itself (its comment carries the plan id), one row each.
 */
public final class MyDistributionsViewModel {
    /** One distribution as the list shows it; {@code entry} is its history, made up when only CloudFront knew it. */
    public record Row(String id, String status, String domain, String stream, Instant created, HistoryEntry entry) {
    }

    final ObservableList<Row> rows = FXCollections.observableArrayList();
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty loading = new SimpleBooleanProperty(false);
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
        jobs.run(() -> {
            Distributions d = distributions.get();
            Map<String, Row> byId = new LinkedHashMap<>();
            for (HistoryEntry e : d.history().all()) {
                if (e.distributionId() != null && e.state().mayExist()) {
                    byId.put(e.distributionId(), new Row(e.distributionId(), Messages.get("mine.unknown"), e.domain(),
                            e.streamId(), e.createdAt(), e));
                }
            }
            for (Snapshot s : d.listOurs(Progress.SILENT)) {
                Row known = byId.get(s.id());
                HistoryEntry entry = known != null ? known.entry()
                        : new HistoryEntry(DistributionConfigMapper.planIdInComment(s.comment()).orElse(s.id()),
                                s.comment(), "", LifecycleState.DEPLOYING, s.id(), s.domain(),
                                s.lastModified(), null, null, null);
                String status = s.enabled() ? s.status() : Messages.get("mine.disabled", s.status());
                byId.put(s.id(), new Row(s.id(), status, s.domain(), entry.streamId(), entry.createdAt(), entry));
            }
            return new ArrayList<>(byId.values());
        }, (List<Row> found) -> {
            loading.set(false);
            rows.setAll(found);
            message.set(found.isEmpty() ? Messages.get("mine.none") : "");
        }, failure -> {
            loading.set(false);
            message.set(failure instanceof IllegalStateException ? Messages.get("mine.connectFirst")
                    : AwsErrors.explain(failure).summary());
        });
    }
}
