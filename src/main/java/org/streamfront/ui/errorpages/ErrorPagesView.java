package org.streamfront.ui.errorpages;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.PlanForm;
import org.streamfront.ui.wizard.StepPage;

/** The tutorial's error page (404, 3 s), plus the same short memory for server errors. */
public final class ErrorPagesView implements StepPage {
    private final ErrorPagesViewModel model;
    private final VBox rows = new VBox(10);
    private final Node view;

    public ErrorPagesView(ErrorPagesViewModel model) {
        this.model = model;
        rows.setId("error-pages");
        model.form.errorPages.addListener((ListChangeListener<PlanForm.ErrorPageRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    fillRows();
                    return;
                }
            }
        });
        fillRows();
        view = Forms.page(Forms.heading("errorPages.heading"), Forms.prose("errorPages.intro"), rows);
    }

    private void fillRows() {
        rows.getChildren().clear();
        for (PlanForm.ErrorPageRow row : model.form.errorPages) {
            rows.getChildren().add(row(row));
        }
    }

    private Node row(PlanForm.ErrorPageRow row) {
        String describe = Messages.bundle().containsKey("errorPages.code." + row.code)
                ? Messages.get("errorPages.code." + row.code) : String.valueOf(row.code);
        CheckBox enabled = new CheckBox(describe);
        enabled.setId("error-page-" + row.code);
        enabled.selectedProperty().bindBidirectional(row.enabled);
        enabled.setTooltip(Forms.tooltip("errorPages.enabled.tip"));
        enabled.setPrefWidth(300);
        var ttl = Forms.numberField("error-page-ttl-" + row.code, row.ttl, 8);
        ttl.disableProperty().bind(row.enabled.not());
        ttl.setTooltip(Forms.tooltip("errorPages.ttl.tip"));
        ttl.setAccessibleText(Messages.get("errorPages.ttl.accessible", describe));
        Label seconds = new Label(Messages.get("errorPages.seconds"));
        HBox line = new HBox(10, enabled, ttl, seconds);
        line.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("error-page-" + row.code + "-error");
        error.getStyleClass().add("field-error");
        var message = model.rowErrorBinding(row);
        error.textProperty().bind(message);
        Forms.showWhen(error, message.isNotNull());
        return new VBox(4, line, error);
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
