package org.streamfront.ui.distributions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.streamfront.Messages;
import org.streamfront.plan.PlanImport;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.widgets.Windows;

/** The "My distributions" window: a table, and Open / Change settings / Delete (or Import) for the chosen row. */
public final class MyDistributionsView {
    private MyDistributionsView() {
    }

    /**
     * Shows the window; {@code open} and {@code teardown} take the chosen row to the Deploy step,
     * {@code change} takes the plan read from a distribution (its own, or imported) to the wizard,
     * {@code audience} and {@code address} open the chosen distribution's audience or own-address window over this one.
     */
    public static Stage show(Window owner, MyDistributionsViewModel model, Consumer<MyDistributionsViewModel.Row> open,
                             Consumer<MyDistributionsViewModel.Row> teardown, Consumer<PlanImport.Imported> change,
                             BiConsumer<Window, MyDistributionsViewModel.Row> audience,
                             BiConsumer<Window, MyDistributionsViewModel.Row> address) {
        TableView<MyDistributionsViewModel.Row> table = new TableView<>(model.rows);
        table.setId("mine-table");
        table.setAccessibleText(Messages.get("mine.heading"));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
        table.getColumns().add(column("mine.id", MyDistributionsViewModel.Row::id, 150));
        table.getColumns().add(column("mine.status", MyDistributionsViewModel.Row::status, 120));
        table.getColumns().add(column("mine.domain", MyDistributionsViewModel.Row::domain, 250));
        table.getColumns().add(column("mine.stream", MyDistributionsViewModel.Row::stream, 200));
        table.getColumns().add(column("mine.created", r -> r.created() == null ? "" : when.format(r.created()), 140));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("mine.none")));
        VBox.setVgrow(table, Priority.ALWAYS);

        Stage[] stage = new Stage[1]; // made once its content is
        Button refresh = new Button(Messages.get("mine.refresh"));
        refresh.setId("mine-refresh");
        refresh.disableProperty().bind(model.loading);
        refresh.setOnAction(e -> model.refresh());
        Button openButton = new Button(Messages.get("mine.open"));
        openButton.setId("mine-open");
        openButton.setTooltip(Forms.tooltip("mine.open.tip"));
        Button teardownButton = new Button(Messages.get("mine.teardown"));
        teardownButton.setId("mine-teardown");
        teardownButton.getStyleClass().add("danger");
        Windows.deliberate(teardownButton);
        teardownButton.setTooltip(Forms.tooltip("mine.teardown.tip"));
        Button changeButton = new Button(Messages.get("mine.change"));
        changeButton.setId("mine-change");
        changeButton.setTooltip(Forms.tooltip("mine.change.tip"));
        Button importButton = new Button(Messages.get("mine.import"));
        importButton.setId("mine-import");
        importButton.setTooltip(Forms.tooltip("mine.import.tip"));
        Button audienceButton = new Button(Messages.get("mine.audience"));
        audienceButton.setId("mine-audience");
        audienceButton.setMnemonicParsing(true);
        audienceButton.setTooltip(Forms.tooltip("mine.audience.tip"));
        var selected = table.getSelectionModel().selectedItemProperty();
        audienceButton.disableProperty().bind(selected.isNull());
        audienceButton.setOnAction(e -> audience.accept(stage[0], selected.get()));
        BooleanBinding oursChosen = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().ours(), selected);
        BooleanBinding othersChosen = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().ours(), selected);
        for (Button b : new Button[] {openButton, changeButton, teardownButton}) {
            b.disableProperty().bind(oursChosen.not().or(model.loading));
        }
        importButton.disableProperty().bind(othersChosen.not().or(model.loading));
        Forms.showWhen(importButton, model.showAll);
        Consumer<PlanImport.Imported> changeThenClose = imported -> {
            stage[0].close();
            change.accept(imported);
        };
        changeButton.setOnAction(e -> model.readPlan(selected.get(), changeThenClose));
        importButton.setOnAction(e -> model.readPlan(selected.get(), changeThenClose));
        CheckBox showAll = new CheckBox(Messages.get("mine.showAll"));
        showAll.setId("mine-show-all");
        showAll.selectedProperty().bindBidirectional(model.showAll);
        showAll.setOnAction(e -> model.refresh());
        openButton.setOnAction(e -> {
            stage[0].close();
            open.accept(table.getSelectionModel().getSelectedItem());
        });
        teardownButton.setOnAction(e -> {
            stage[0].close();
            teardown.accept(table.getSelectionModel().getSelectedItem());
        });
        Label message = new Label();
        message.setId("mine-message");
        message.textProperty().bind(model.message);
        message.setWrapText(true);
        Button addressButton = new Button(Messages.get("mine.address"));
        addressButton.setId("mine-address");
        addressButton.setMnemonicParsing(true);
        addressButton.setTooltip(Forms.tooltip("mine.address.tip"));
        addressButton.disableProperty().bind(selected.isNull());
        addressButton.setOnAction(e -> address.accept(stage[0], selected.get()));
        HBox actions = new HBox(8, refresh, openButton, changeButton, audienceButton, addressButton, teardownButton, importButton);
        VBox root = new VBox(10, Forms.heading("mine.heading"), showAll, table, actions, message);
        root.setStyle("-fx-padding: 16");
        stage[0] = Windows.secondary(owner, root, Messages.get("mine.heading"), 940, 460);
        stage[0].initModality(Modality.WINDOW_MODAL);
        stage[0].show();
        model.refresh();
        return stage[0];
    }

    private static TableColumn<MyDistributionsViewModel.Row, String> column(String key,
            Function<MyDistributionsViewModel.Row, String> value, double width) {
        TableColumn<MyDistributionsViewModel.Row, String> c = new TableColumn<>(Messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
