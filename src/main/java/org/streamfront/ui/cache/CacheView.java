package org.streamfront.ui.cache;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.plan.Plan;
import org.streamfront.plan.ShieldRegions;
import org.streamfront.ui.widgets.Choices;
import org.streamfront.ui.widgets.Clipboards;
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

        CheckBox cors = checkBox("cache-cors", "cache.cors", form.corsHeaders);
        CheckBox corsFromServer = checkBox("cache-cors-from-server", "cache.corsFromServer", form.corsFromServer);
        corsFromServer.disableProperty().bind(form.corsHeaders.not());
        corsFromServer.setPadding(new Insets(0, 0, 0, 24));
        CheckBox lowLatency = checkBox("cache-low-latency", "cache.lowLatency", form.lowLatencyHls);

        // Origin Shield is on while the plan names a region: the box switches the region on and off.
        CheckBox shield = new CheckBox(Messages.get("cache.shield"));
        shield.setId("cache-shield");
        shield.setWrapText(true);
        model.shieldOn.subscribe(on -> shield.setSelected(on));
        shield.setOnAction(e -> model.shield(shield.isSelected()));
        ComboBox<String> region = new ComboBox<>(FXCollections.observableArrayList(ShieldRegions.COMMON));
        region.setId("cache-shield-region");
        region.setEditable(true);
        region.valueProperty().bindBidirectional(form.shieldRegion);
        Label suggestion = new Label();
        suggestion.setId("cache-shield-suggestion");
        suggestion.setWrapText(true);
        suggestion.getStyleClass().add("text-muted");
        suggestion.textProperty().bind(Bindings.createStringBinding(() -> model.suggestedRegion.get().isEmpty()
                ? Messages.get("cache.shield.pick") : Messages.get("cache.shield.suggested", model.suggestedRegion.get()),
                model.suggestedRegion));
        VBox regionBox = new VBox(6, Forms.field("cache.shieldRegion", region, "cache.shieldRegion.tip", model.shieldRegionError), suggestion);
        regionBox.setPadding(new Insets(0, 0, 0, 24));
        Forms.showWhen(regionBox, model.shieldOn);

        var playlist = Forms.numberField("cache-playlist-ttl", form.playlistTtl, 3);
        var segment = Forms.numberField("cache-segment-ttl", form.segmentTtl, 6);
        Button preset = new Button(Messages.get("cache.usePreset"));
        preset.setId("cache-use-preset");
        preset.setMnemonicParsing(true);
        preset.setOnAction(e -> model.usePreset());
        var timeout = Forms.numberField("cache-connection-timeout", form.connectionTimeout, 2);
        var attempts = Forms.numberField("cache-connection-attempts", form.connectionAttempts, 1);
        VBox advancedBody = new VBox(10,
                new HBox(16,
                        Forms.field("cache.playlistTtl", playlist, "cache.playlistTtl.tip", model.playlistTtlError),
                        Forms.field("cache.segmentTtl", segment, "cache.segmentTtl.tip", model.segmentTtlError)),
                new HBox(16,
                        Forms.field("cache.connectionTimeout", timeout, "cache.connectionTimeout.tip", model.connectionTimeoutError),
                        Forms.field("cache.connectionAttempts", attempts, "cache.connectionAttempts.tip", model.connectionAttemptsError)),
                Forms.prose("cache.timeouts.explained"),
                preset);
        TitledPane advanced = new TitledPane(Messages.get("cache.advanced"), advancedBody);
        advanced.setId("cache-advanced");
        // Open by itself when a TTL is wrong, so the message is never hidden.
        advanced.setExpanded(false);
        for (var error : List.of(model.playlistTtlError, model.segmentTtlError, model.connectionTimeoutError, model.connectionAttemptsError)) {
            error.subscribe(e -> advanced.setExpanded(advanced.isExpanded() || e != null));
        }

        var viewer = Choices.dropDown("cache-viewer-protocol", Plan.Distribution.VIEWER_PROTOCOLS,
                "cache.viewerProtocol", form.viewerProtocol);
        var price = Choices.dropDown("cache-price-class", Plan.Distribution.PRICE_CLASSES,
                "cache.priceClass", form.priceClass);

        // With tokens the plan keeps query strings out of the cache: the choice is made, and said why.
        queryStrings.disableProperty().bind(model.access.tokens);
        Label byTokens = new Label(Messages.get("cache.queryStrings.byTokens"));
        byTokens.setWrapText(true);
        byTokens.getStyleClass().add("text-muted");
        Forms.showWhen(byTokens, model.access.tokens);

        return Forms.page(
                Forms.heading("cache.heading"),
                Forms.prose("cache.intro"),
                Forms.heading("access.heading"),
                whoMayWatch(model.access),
                Forms.field("cache.queryStrings", queryStrings, "cache.queryStrings.tip", model.queryStringsError),
                byTokens,
                cors,
                corsFromServer,
                Forms.heading("cache.preset.heading"),
                Forms.prose("cache.preset.explained"),
                lowLatency,
                advanced,
                Forms.heading("cache.shield.heading"),
                shield,
                Forms.prose("cache.shield.explained"),
                regionBox,
                Forms.heading("cache.viewers.heading"),
                Forms.field("cache.viewerProtocol", viewer, "cache.viewerProtocol.tip", model.viewerProtocolError),
                Forms.field("cache.priceClass", price, "cache.priceClass.tip", model.priceClassError));
    }

    /** Anyone with the address, or viewers with a token; with tokens, the secret made or pasted. */
    private static Node whoMayWatch(WhoMayWatch access) {
        var mode = Choices.radios("access-mode", Plan.Access.MODES, "access.mode", access.form.accessMode);
        var source = Choices.radios("access-secret-source", List.of(WhoMayWatch.MAKE, WhoMayWatch.PASTE), "access.secret", access.source);

        Button make = new Button(Messages.get("access.make"));
        make.setId("access-make");
        make.setOnAction(e -> access.make());
        TextField made = new TextField();
        made.setId("access-made-secret");
        made.setEditable(false);
        made.textProperty().bind(access.shownOnce);
        made.setPrefColumnCount(36);
        Button copy = new Button(Messages.get("access.copy"));
        copy.setId("access-copy");
        copy.setOnAction(e -> Clipboards.copy(access.shownOnce.get()));
        HBox shown = new HBox(8, made, copy);
        Label once = new Label(Messages.get("access.shownOnce"));
        once.setWrapText(true);
        once.getStyleClass().add("text-muted");
        VBox makeBox = new VBox(8, make, shown, once);
        Forms.showWhen(shown, access.shownOnce.isNotEmpty());
        Forms.showWhen(once, access.shownOnce.isNotEmpty());
        Forms.showWhen(makeBox, access.source.isEqualTo(WhoMayWatch.MAKE));

        PasswordField paste = new PasswordField();
        paste.setId("access-paste");
        paste.setPrefColumnCount(36);
        paste.textProperty().bindBidirectional(access.pasted);
        Button use = new Button(Messages.get("access.use"));
        use.setId("access-use");
        use.setOnAction(e -> access.keepPasted());
        VBox pasteBox = new VBox(8, Forms.field("access.paste", new HBox(8, paste, use), "access.paste.tip", access.pastedError));
        Forms.showWhen(pasteBox, access.source.isEqualTo(WhoMayWatch.PASTE));

        Label kept = new Label(Messages.get("access.kept"));
        kept.setId("access-kept");
        kept.setWrapText(true);
        kept.getStyleClass().add("success");
        Forms.showWhen(kept, access.kept);

        VBox secret = new VBox(10, Forms.prose("access.secret.explained"), source, makeBox, pasteBox, kept);
        secret.setPadding(new Insets(0, 0, 0, 24));
        Forms.showWhen(secret, access.tokens);
        return new VBox(10, mode, secret);
    }

    /** A check box for a yes/no plan setting, with its explanation as a tooltip ({@code key}.tip). */
    private static CheckBox checkBox(String id, String key, BooleanProperty setting) {
        CheckBox box = new CheckBox(Messages.get(key));
        box.setId(id);
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(setting);
        box.setTooltip(Forms.tooltip(key + ".tip"));
        return box;
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
