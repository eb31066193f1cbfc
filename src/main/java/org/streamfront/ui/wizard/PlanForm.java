package org.streamfront.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.streamfront.origin.OriginCheck;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;

/**
 * The plan being edited, as JavaFX properties the step views bind to. {@link #plan()} is the
 * same plan as an immutable value, recomputed on every edit: the draft store saves it.
 */
public final class PlanForm {
    /** The error codes the Error pages step offers; a loaded plan may add others. */
    public static final List<Integer> OFFERED_ERROR_CODES = DistributionConfigMapper.OFFERED_ERROR_CODES;

    public final StringProperty planId = new SimpleStringProperty();
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty domain = new SimpleStringProperty("");
    public final StringProperty application = new SimpleStringProperty("");
    public final StringProperty protocol = new SimpleStringProperty("");
    public final ObjectProperty<Integer> httpPort = new SimpleObjectProperty<>();
    public final ObjectProperty<Integer> httpsPort = new SimpleObjectProperty<>();
    public final ObjectProperty<Integer> connectionTimeout = new SimpleObjectProperty<>();
    public final ObjectProperty<Integer> connectionAttempts = new SimpleObjectProperty<>();
    /** Empty: a single server. */
    public final StringProperty secondaryDomain = new SimpleStringProperty("");
    /** Empty: Origin Shield off. */
    public final StringProperty shieldRegion = new SimpleStringProperty("");
    public final StringProperty queryStrings = new SimpleStringProperty("");
    public final BooleanProperty corsHeaders = new SimpleBooleanProperty();
    public final BooleanProperty corsFromServer = new SimpleBooleanProperty();
    public final BooleanProperty lowLatencyHls = new SimpleBooleanProperty();
    public final ObjectProperty<Integer> playlistTtl = new SimpleObjectProperty<>();
    public final ObjectProperty<Integer> segmentTtl = new SimpleObjectProperty<>();
    public final ObservableList<ErrorPageRow> errorPages =
            FXCollections.observableArrayList(row -> new Observable[] {row.enabled, row.ttl});
    public final StringProperty viewerProtocol = new SimpleStringProperty("");
    public final StringProperty priceClass = new SimpleStringProperty("");
    public final StringProperty comment = new SimpleStringProperty("");
    public final StringProperty streamId = new SimpleStringProperty("");
    /** Who may watch: {@link Plan.Access#OPEN} or {@link Plan.Access#TOKEN}. */
    public final StringProperty accessMode = new SimpleStringProperty(Plan.Access.OPEN);
    /** What the last server check weighed: not part of the plan, the cost estimate's starting point. */
    public final ObservableList<OriginCheck.Rendition> measuredRenditions = FXCollections.observableArrayList();

    private final ObjectBinding<Plan> plan;

    public PlanForm() {
        load(Plan.empty());
        plan = Bindings.createObjectBinding(this::toPlan, planId, name, domain, application, protocol, httpPort,
                httpsPort, connectionTimeout, connectionAttempts, shieldRegion, secondaryDomain, queryStrings, corsHeaders, corsFromServer,
                lowLatencyHls, playlistTtl, segmentTtl, errorPages, viewerProtocol, priceClass, comment, streamId, accessMode);
    }

    public ObjectBinding<Plan> plan() {
        return plan;
    }

    public Plan toPlan() {
        List<Plan.ErrorPage> pages = errorPages.stream()
                .filter(r -> r.enabled.get())
                .map(r -> new Plan.ErrorPage(r.code, r.ttl.get()))
                .toList();
        return new Plan(Plan.SCHEMA_VERSION, planId.get(), name.get(),
                new Plan.Origin(domain.get(), application.get(), protocol.get(), httpPort.get(), httpsPort.get(),
                        connectionTimeout.get(), connectionAttempts.get(), shieldRegion.get(), secondaryDomain.get()),
                new Plan.Cache(queryStrings.get(), corsHeaders.get(), playlistTtl.get(), segmentTtl.get(), corsFromServer.get(),
                        lowLatencyHls.get()),
                pages,
                new Plan.Distribution(viewerProtocol.get(), priceClass.get(), comment.get()),
                new Plan.Stream(streamId.get()),
                new Plan.Access(accessMode.get()));
    }

    /** Replaces everything in the form with the plan's values. */
    public void load(Plan p) {
        planId.set(p.planId());
        name.set(p.name());
        domain.set(p.origin().domain());
        application.set(p.origin().application());
        protocol.set(p.origin().protocol());
        httpPort.set(p.origin().httpPort());
        httpsPort.set(p.origin().httpsPort());
        connectionTimeout.set(p.origin().connectionTimeoutSeconds());
        connectionAttempts.set(p.origin().connectionAttempts());
        shieldRegion.set(p.origin().shieldRegion() == null ? "" : p.origin().shieldRegion());
        secondaryDomain.set(p.origin().secondaryDomain() == null ? "" : p.origin().secondaryDomain());
        queryStrings.set(p.cache().queryStrings());
        corsHeaders.set(p.cache().corsHeaders());
        corsFromServer.set(p.cache().corsFromServer());
        lowLatencyHls.set(p.cache().lowLatencyHls());
        playlistTtl.set(p.cache().playlistTtlSeconds());
        segmentTtl.set(p.cache().segmentTtlSeconds());
        viewerProtocol.set(p.distribution().viewerProtocol());
        priceClass.set(p.distribution().priceClass());
        comment.set(p.distribution().comment());
        streamId.set(p.stream().id());
        accessMode.set(p.access().mode());
        List<ErrorPageRow> rows = new ArrayList<>();
        for (int code : OFFERED_ERROR_CODES) {
            rows.add(new ErrorPageRow(code, false, 3));
        }
        for (Plan.ErrorPage page : p.errorPages()) {
            ErrorPageRow row = rows.stream().filter(r -> r.code.equals(page.code())).findFirst().orElseGet(() -> {
                ErrorPageRow added = new ErrorPageRow(page.code(), true, page.cachingMinTtlSeconds());
                rows.add(added);
                return added;
            });
            row.enabled.set(true);
            row.ttl.set(page.cachingMinTtlSeconds());
        }
        errorPages.setAll(rows);
    }

    /** One error code CloudFront may cache, switched on or off, with how long. */
    public static final class ErrorPageRow {
        public final Integer code;
        public final BooleanProperty enabled;
        public final ObjectProperty<Integer> ttl;

        public ErrorPageRow(Integer code, boolean enabled, Integer ttl) {
            this.code = code;
            this.enabled = new SimpleBooleanProperty(enabled);
            this.ttl = new SimpleObjectProperty<>(ttl);
        }
    }
}
