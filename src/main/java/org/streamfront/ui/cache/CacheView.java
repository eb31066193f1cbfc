package org.streamfront.ui.cache;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.plan.Plan;
import org.streamfront.ui.widgets.Choices;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.StepPage;

/** The tutorial's cache-behaviour form, with the live-HLS preset explained in plain words. */
public final class CacheView implements StepPage {
    private final CacheViewModel model;
    private final Node view;

    public CacheView(CacheViewModel model) {
        this.model = model;
        this.view = build();
    }

    private Node build() {
        var form = model.form;
        var queryStrings = Choices.radios("cache-query-strings", List.of(Plan.Cache.ALL, Plan.Cache.NONE),
                "cache.queryStrings", form.queryStrings);

        CheckBox cors = new CheckBox(Messages.get("cache.cors"));
        cors.setId("cache-cors");
        cors.setWrapText(true);
        cors.selectedProperty().bindBidirectional(form.corsHeaders);
        cors.setTooltip(Forms.tooltip("cache.cors.tip"));

        var playlist = Forms.numberField("cache-playlist-ttl", form.playlistTtl, 3);
        var segment = Forms.numberField("cache-segment-ttl", form.segmentTtl, 6);
        Button preset = new Button(Messages.get("cache.usePreset"));
        preset.setId("cache-use-preset");
        preset.setMnemonicParsing(true);
        preset.setOnAction(e -> model.usePreset());
        VBox advancedBody = new VBox(10,
                new HBox(16,
                        Forms.field("cache.playlistTtl", playlist, "cache.playlistTtl.tip", model.playlistTtlError),
                        Forms.field("cache.segmentTtl", segment, "cache.segmentTtl.tip", model.segmentTtlError)),
                preset);
        TitledPane advanced = new TitledPane(Messages.get("cache.advanced"), advancedBody);
        advanced.setId("cache-advanced");
        // Open by itself when a TTL is wrong, so the message is never hidden.
        advanced.setExpanded(model.playlistTtlError.get() != null || model.segmentTtlError.get() != null);
        model.playlistTtlError.subscribe(e -> advanced.setExpanded(advanced.isExpanded() || e != null));
        model.segmentTtlError.subscribe(e -> advanced.setExpanded(advanced.isExpanded() || e != null));

        var viewer = Choices.dropDown("cache-viewer-protocol", Plan.Distribution.VIEWER_PROTOCOLS,
                "cache.viewerProtocol", form.viewerProtocol);
        var price = Choices.dropDown("cache-price-class", Plan.Distribution.PRICE_CLASSES,
                "cache.priceClass", form.priceClass);

        return Forms.page(
                Forms.heading("cache.heading"),
                Forms.prose("cache.intro"),
                Forms.field("cache.queryStrings", queryStrings, "cache.queryStrings.tip", model.queryStringsError),
                cors,
                Forms.heading("cache.preset.heading"),
                Forms.prose("cache.preset.explained"),
                advanced,
                Forms.heading("cache.viewers.heading"),
                Forms.field("cache.viewerProtocol", viewer, "cache.viewerProtocol.tip", model.viewerProtocolError),
                Forms.field("cache.priceClass", price, "cache.priceClass.tip", model.priceClassError));
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableValue<String> blocker() {
        return model.blocker();
    }
}
