package org.streamfront.ui.address;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.ui.widgets.Windows;
import org.streamfront.address.AddressState;
import org.streamfront.address.DnsRecord;
import org.streamfront.address.OwnAddress;
import org.streamfront.ui.widgets.Clipboards;
import org.streamfront.ui.widgets.ErrorPanel;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.StepPage;

/** "Your own address": the name, where its DNS is, what will be written, and the run with each record's state. */
public final class AddressView implements StepPage {
    private final AddressViewModel model;
    private final Supplier<AddressViewModel.Target> current;
    private final Node view;

    /**
     * {@code play} plays the stream at the live address; {@code practiceProvider} (practice mode only,
     * else null) types records in at the pretend DNS provider, as a user would at theirs;
     * {@code current} names the distribution each time the step is shown (null: none yet).
     */
    public AddressView(AddressViewModel model, Consumer<AddressViewModel> play, Consumer<List<DnsRecord>> practiceProvider,
                       Supplier<AddressViewModel.Target> current) {
        this.model = model;
        this.current = current;
        Label distribution = new Label();
        distribution.setId("address-distribution");
        distribution.setWrapText(true);
        distribution.textProperty().bind(model.target.map(t -> Messages.get("address.for", t.id(), t.domain()))
                .orElse(Messages.get("address.noDistribution")));

        TextField host = Forms.textField("address-host", model.host);
        host.setPromptText("live.example.org");
        host.disableProperty().bind(model.running.or(model.state.isNotNull()));
        host.setOnAction(e -> model.lookUp());
        Button lookUp = new Button(Messages.get("address.lookUp"));
        lookUp.setId("address-lookup");
        lookUp.setDefaultButton(false);
        lookUp.disableProperty().bind(model.running.or(model.state.isNotNull()).or(model.host.isEmpty())
                .or(model.hostError.isNotNull()).or(model.target.isNull()));
        lookUp.setOnAction(e -> model.lookUp());
        HBox.setHgrow(host, Priority.ALWAYS);
        VBox hostField = Forms.field("address.host", host, "address.host.tip", model.hostError);
        HBox hostRow = new HBox(8);
        hostField.getChildren().set(hostField.getChildren().indexOf(host), hostRow); // the field keeps its error line under it
        hostRow.getChildren().addAll(host, lookUp);

        ToggleGroup dnsWay = new ToggleGroup();
        RadioButton route53 = new RadioButton();
        route53.setId("address-route53");
        route53.setToggleGroup(dnsWay);
        route53.textProperty().bind(model.zone.map(z -> Messages.get("address.route53", z.name())).orElse(Messages.get("address.route53.none")));
        route53.disableProperty().bind(model.zone.isNull().or(model.state.isNotNull()));
        RadioButton byHand = new RadioButton(Messages.get("address.byHand"));
        byHand.setId("address-by-hand");
        byHand.setToggleGroup(dnsWay);
        byHand.disableProperty().bind(model.state.isNotNull());
        model.useRoute53.subscribe(r -> dnsWay.selectToggle(r ? route53 : byHand));
        dnsWay.selectedToggleProperty().subscribe(t -> model.useRoute53.set(t == route53));
        Label preview = new Label();
        preview.setId("address-preview");
        preview.setWrapText(true);
        preview.getStyleClass().add("prose");
        preview.textProperty().bind(Bindings.createStringBinding(() -> model.useRoute53.get() && model.zone.get() != null
                        ? Messages.get("address.preview.route53", model.zone.get().name(), host(model),
                                model.target.get() == null ? "" : model.target.get().domain())
                        : Messages.get("address.preview.byHand", host(model)), model.useRoute53, model.zone, model.host, model.target));
        VBox dns = new VBox(6, route53, byHand, preview);
        Forms.showWhen(dns, model.lookedUp.and(model.state.isNull()));

        Button add = new Button(Messages.get("address.add"));
        Windows.deliberate(add);
        add.setId("address-add");
        add.getStyleClass().add("accent");
        add.disableProperty().bind(model.canAdd.not());
        add.setOnAction(e -> model.add());
        Button cancel = new Button(Messages.get("address.cancel"));
        cancel.setId("address-cancel");
        Forms.showWhen(cancel, model.running.and(model.state.isNotNull()));
        cancel.setOnAction(e -> model.cancel());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Forms.showWhen(spinner, model.running);
        Label phase = new Label();
        phase.setId("address-phase");
        phase.setWrapText(true);
        phase.textProperty().bind(model.state.map(s -> Messages.get("address.phase", s.host(), OwnAddress.phaseInWords(s.phase()))).orElse(""));
        HBox actions = new HBox(8, add, cancel, spinner, phase);
        actions.setAlignment(Pos.CENTER_LEFT);

        GridPane table = new GridPane(10, 6);
        table.setId("address-records");
        model.records.subscribe(() -> fill(table, model.records));
        Forms.showWhen(table, Bindings.isNotEmpty(model.records));
        Button practice = new Button(Messages.get("address.practiceProvider"));
        practice.setId("address-practice-dns");
        practice.setTooltip(Forms.tooltip("address.practiceProvider.tip"));
        practice.setOnAction(e -> practiceProvider.accept(model.recordsToAddByHand()));
        Forms.showWhen(practice, Bindings.createBooleanBinding(() -> practiceProvider != null && !model.recordsToAddByHand().isEmpty(),
                model.records));
        TitledPane help = new TitledPane(Messages.get("address.help.title"), Forms.prose("address.help"));
        help.setId("address-help");
        help.setExpanded(false);
        help.setAnimated(false);
        Forms.showWhen(help, Bindings.createBooleanBinding(() -> model.lookedUp.get() && !model.useRoute53.get()
                && (model.state.get() == null || model.state.get().phase() != AddressState.Phase.LIVE), model.lookedUp, model.useRoute53, model.state));

        Label last = new Label();
        last.setId("address-log");
        last.setWrapText(true);
        last.getStyleClass().add("text-muted");
        last.textProperty().bind(model.lastLine);

        Label note = new Label();
        note.setId("address-note");
        note.setWrapText(true);
        note.getStyleClass().add("warning");
        note.textProperty().bind(model.note);
        Forms.showWhen(note, model.note.isNotEmpty());

        ErrorPanel error = new ErrorPanel("address-error");
        error.errorProperty().bind(model.error);
        Button retry = new Button(Messages.get("address.tryAgain"));
        retry.setOnAction(e -> model.add());
        error.addAction(retry);
        Button policy = new Button(Messages.get("address.copyPolicy"));
        policy.setTooltip(Forms.tooltip("address.copyPolicy.tip"));
        policy.setOnAction(e -> Clipboards.copy(org.streamfront.aws.AwsErrors.MINIMAL_POLICY));
        error.addAction(policy);

        Label live = new Label();
        live.setId("address-live");
        live.setWrapText(true);
        live.getStyleClass().add("success");
        live.textProperty().bind(model.liveUrl.map(u -> Messages.get("address.live", u.toString()))
                .orElse(Messages.get("address.liveNoStream")));
        Button playIt = new Button(Messages.get("address.play"));
        playIt.setId("address-play");
        playIt.disableProperty().bind(model.liveUrl.isNull());
        playIt.setOnAction(e -> play.accept(model));
        Button copy = new Button(Messages.get("play.copy"));
        copy.disableProperty().bind(model.liveUrl.isNull());
        copy.setOnAction(e -> Clipboards.copy(model.liveUrl.get().toString()));
        CheckBox deleteMade = new CheckBox(Messages.get("address.deleteMade"));
        deleteMade.setId("address-delete-made");
        deleteMade.selectedProperty().bindBidirectional(model.deleteWhatWasMade);
        Button remove = new Button(Messages.get("address.remove"));
        Windows.deliberate(remove);
        remove.setId("address-remove");
        remove.disableProperty().bind(model.running);
        remove.setOnAction(e -> model.remove());
        remove.setMinWidth(Region.USE_PREF_SIZE);
        deleteMade.setWrapText(true);
        HBox liveActions = new HBox(8, playIt, copy);
        HBox removal = new HBox(8, remove, deleteMade);
        removal.setAlignment(Pos.CENTER_LEFT);
        VBox liveBox = new VBox(8, live, liveActions, removal);
        Forms.showWhen(liveBox, Bindings.createBooleanBinding(() -> model.state.get() != null
                && model.state.get().phase() == AddressState.Phase.LIVE && !model.running.get(), model.state, model.running));

        view = Forms.page(Forms.heading("address.title"), Forms.prose("address.intro"), distribution, hostField, dns, actions,
                note, table, practice, help, last, error, liveBox);
    }

    private static String host(AddressViewModel model) {
        return model.host.get().isBlank() ? "live.example.org" : org.streamfront.address.HostNames.normal(model.host.get());
    }

    /** One row per record: name, type, value (each copyable), and what public DNS shows. */
    private static void fill(GridPane table, List<OwnAddress.RecordCheck> records) {
        table.getChildren().clear();
        if (table.getColumnConstraints().isEmpty()) {
            ColumnConstraints grow = new ColumnConstraints();
            grow.setHgrow(Priority.ALWAYS);
            grow.setMinWidth(120);
            ColumnConstraints fit = new ColumnConstraints();
            fit.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints seen = new ColumnConstraints(150);
            table.getColumnConstraints().addAll(grow, fit, grow, fit, seen);
        }
        String[] heads = {"address.col.name", "address.col.type", "address.col.value", "", "address.col.seen"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label(heads[c].isEmpty() ? "" : Messages.get(heads[c]));
            head.getStyleClass().add("text-bold");
            head.setMinWidth(Region.USE_PREF_SIZE);
            table.add(head, c, 0);
        }
        int row = 1;
        for (OwnAddress.RecordCheck r : records) {
            DnsRecord d = r.expected();
            TextField name = copyable(d.name());
            TextField value = copyable(d.value());
            Button copy = new Button(Messages.get("address.copyRow"));
            copy.setId("address-copy-" + row);
            copy.setOnAction(e -> Clipboards.copy(d.name() + "\t" + d.type() + "\t" + d.value()));
            Label seen = new Label(r.present() ? Messages.get("address.seen") : Messages.get("address.notSeen", r.seen().describe()));
            seen.setId("address-seen-" + row);
            seen.getStyleClass().add(r.present() ? "success" : "warning");
            seen.setWrapText(true);
            Label type = new Label(d.type());
            type.setMinWidth(Region.USE_PREF_SIZE);
            copy.setMinWidth(Region.USE_PREF_SIZE);
            table.addRow(row++, name, type, value, copy, seen);
        }
    }

    private static TextField copyable(String text) {
        TextField field = new TextField(text);
        field.setEditable(false);
        field.setPrefColumnCount(14);
        return field;
    }

    @Override
    public Node view() {
        return view;
    }

    /** A different distribution than last time (a new deploy, another row): show it, going on with its address if unfinished. */
    @Override
    public void shown() {
        AddressViewModel.Target now = current.get();
        if (!Objects.equals(now, model.target.get())) {
            model.open(now);
        }
    }
}
