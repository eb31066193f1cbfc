package org.streamfront.ui.distributions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import org.streamfront.ui.widgets.Forms;

/** The "My distributions" window: a table, and Open / Tear down for the chosen row. */
public final class MyDistributionsView {
    private MyDistributionsView() {
    }

    /** Shows the window; {@code open} and {@code teardown} take the chosen row to the Deploy step. */
    public static Stage show(Window owner, MyDistributionsViewModel model, Consumer<MyDistributionsViewModel.Row> open,
                             Consumer<MyDistributionsViewModel.Row> teardown) {
        TableView<MyDistributionsViewModel.Row> table = new TableView<>(model.rows);
        table.setId("mine-table");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
        table.getColumns().add(column("mine.id", MyDistributionsViewModel.Row::id));
        table.getColumns().add(column("mine.status", MyDistributionsViewModel.Row::status));
        table.getColumns().add(column("mine.domain", MyDistributionsViewModel.Row::domain));
        table.getColumns().add(column("mine.stream", MyDistributionsViewModel.Row::stream));
        table.getColumns().add(column("mine.created", r -> r.created() == null ? "" : when.format(r.created())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("mine.none")));
        VBox.setVgrow(table, Priority.ALWAYS);

        Stage stage = new Stage();
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
        teardownButton.setTooltip(Forms.tooltip("mine.teardown.tip"));
        for (Button b : new Button[] {openButton, teardownButton}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        openButton.setOnAction(e -> {
            stage.close();
            open.accept(table.getSelectionModel().getSelectedItem());
        });
        teardownButton.setOnAction(e -> {
            stage.close();
            teardown.accept(table.getSelectionModel().getSelectedItem());
        });
        Label message = new Label();
        message.setId("mine-message");
        message.textProperty().bind(model.message);
        HBox actions = new HBox(8, refresh, openButton, teardownButton, message);
        VBox root = new VBox(10, Forms.heading("mine.heading"), table, actions);
        root.setStyle("-fx-padding: 16");
        Scene scene = new Scene(root, 820, 420);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setTitle(Messages.get("mine.heading"));
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.show();
        model.refresh();
        return stage;
    }

    private static TableColumn<MyDistributionsViewModel.Row, String> column(String key,
            Function<MyDistributionsViewModel.Row, String> value) {
        TableColumn<MyDistributionsViewModel.Row, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
