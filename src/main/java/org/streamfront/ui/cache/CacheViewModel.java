package org.streamfront.ui.cache;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanRules;
import org.streamfront.plan.ShieldRegions;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.PlanForm;

/** The Cache step: query strings, CORS, the live-HLS preset, Origin Shield, origin timeouts and how viewers connect. */
public final class CacheViewModel {
    final PlanForm form;
    final StringBinding queryStringsError;
    final StringBinding playlistTtlError;
    final StringBinding segmentTtlError;
    final StringBinding viewerProtocolError;
    final StringBinding priceClassError;
    final StringBinding connectionTimeoutError;
    final StringBinding connectionAttemptsError;
    final StringBinding shieldRegionError;
    /** The region nearest the server when its name says (EC2), else empty. */
    final StringBinding suggestedRegion;
    final BooleanBinding shieldOn;
    final StringBinding blocker;
    final WhoMayWatch access;

    /** {@code secrets}: the folder where each plan's viewer-token secret is kept. */
    public CacheViewModel(PlanForm form, java.nio.file.Path secrets) {
        this.form = form;
        this.access = new WhoMayWatch(form, secrets);
        queryStringsError = Forms.error(form.queryStrings, PlanRules::queryStrings);
        playlistTtlError = Forms.error(form.playlistTtl, PlanRules::playlistTtl);
        segmentTtlError = Forms.error(form.segmentTtl, PlanRules::segmentTtl);
        viewerProtocolError = Forms.error(form.viewerProtocol, PlanRules::viewerProtocol);
        priceClassError = Forms.error(form.priceClass, PlanRules::priceClass);
        connectionTimeoutError = Forms.error(form.connectionTimeout, PlanRules::connectionTimeout);
        connectionAttemptsError = Forms.error(form.connectionAttempts, PlanRules::connectionAttempts);
        shieldRegionError = Forms.error(form.shieldRegion, PlanRules::shieldRegion);
        suggestedRegion = Bindings.createStringBinding(() -> ShieldRegions.suggest(form.domain.get()).orElse(""), form.domain);
        shieldOn = form.shieldRegion.isNotEmpty();
        blocker = Forms.firstError(queryStringsError, access.blocker, playlistTtlError, segmentTtlError, connectionTimeoutError,
                connectionAttemptsError, shieldRegionError, viewerProtocolError, priceClassError);
    }

    /** Origin Shield on (in the suggested region, else the first common one) or off. */
    public void shield(boolean on) {
        if (!on) {
            form.shieldRegion.set("");
        } else if (form.shieldRegion.get().isEmpty()) {
            form.shieldRegion.set(suggestedRegion.get().isEmpty() ? ShieldRegions.COMMON.getFirst() : suggestedRegion.get());
        }
    }

    /** Back to the recommended live-HLS times. */
    public void usePreset() {
        form.playlistTtl.set(Plan.Cache.PRESET_PLAYLIST_TTL);
        form.segmentTtl.set(Plan.Cache.PRESET_SEGMENT_TTL);
        form.connectionTimeout.set(Plan.Origin.LIVE_CONNECTION_TIMEOUT);
        form.connectionAttempts.set(Plan.Origin.LIVE_CONNECTION_ATTEMPTS);
    }

    public StringBinding blocker() {
        return blocker;
    }
}
