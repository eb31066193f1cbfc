package org.streamfront.ui.cache;

import javafx.beans.binding.StringBinding;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanRules;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.PlanForm;

/** The Cache step: query strings, CORS, the live-HLS preset and how viewers connect. */
public final class CacheViewModel {
    final PlanForm form;
    final StringBinding queryStringsError;
    final StringBinding playlistTtlError;
    final StringBinding segmentTtlError;
    final StringBinding viewerProtocolError;
    final StringBinding priceClassError;
    final StringBinding blocker;

    public CacheViewModel(PlanForm form) {
        this.form = form;
        queryStringsError = Forms.error(form.queryStrings, PlanRules::queryStrings);
        playlistTtlError = Forms.error(form.playlistTtl, PlanRules::playlistTtl);
        segmentTtlError = Forms.error(form.segmentTtl, PlanRules::segmentTtl);
        viewerProtocolError = Forms.error(form.viewerProtocol, PlanRules::viewerProtocol);
        priceClassError = Forms.error(form.priceClass, PlanRules::priceClass);
        blocker = Forms.firstError(queryStringsError, playlistTtlError, segmentTtlError,
                viewerProtocolError, priceClassError);
    }

    /** Back to the recommended live-HLS TTLs. */
    public void usePreset() {
        form.playlistTtl.set(Plan.Cache.PRESET_PLAYLIST_TTL);
        form.segmentTtl.set(Plan.Cache.PRESET_SEGMENT_TTL);
    }

    public StringBinding blocker() {
        return blocker;
    }
}
