package org.streamfront.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;

/** A failure in plain words, what to do next, and the technical detail one click away. Hidden while there is none. */
public final class ErrorPanel extends VBox {
    private final ObjectProperty<AwsErrors.Explained> error = new SimpleObjectProperty<>();
    private final FlowPane actions = new FlowPane(8, 8);
    private final List<Button> extra = new ArrayList<>();

    public ErrorPanel(String id) {
        setId(id);
        getStyleClass().add("error-panel");
        setSpacing(6);
        setVisible(false);
        setManaged(false);
        // Built when the first error comes: most screens never show one, and the window opens sooner.
        error.subscribe(e -> {
            if (e != null && getChildren().isEmpty()) {
                build(id);
            }
        });
    }

    private void build(String id) {
        Label summary = new Label();
        summary.setId(id + "-summary");
        summary.getStyleClass().add("error-summary");
        summary.setWrapText(true);
        Label advice = new Label();
        advice.setId(id + "-advice");
        advice.setWrapText(true);
        TextArea detail = new TextArea();
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(4);
        detail.getStyleClass().add("code");
        TitledPane details = new TitledPane(Messages.get("error.details"), detail);
        details.setExpanded(false);
        Button copy = new Button(Messages.get("error.copyDetails"));
        copy.setOnAction(e -> Clipboards.copy(detail.getText()));
        actions.getChildren().add(copy);
        actions.getChildren().addAll(extra);
        getChildren().addAll(summary, advice, actions, details);
        error.subscribe(e -> {
            setVisible(e != null);
            setManaged(e != null);
            summary.setText(e == null ? "" : e.summary());
            advice.setText(e == null ? "" : e.advice());
            detail.setText(e == null ? "" : e.detail());
        });
    }

    public ObjectProperty<AwsErrors.Explained> errorProperty() {
        return error;
    }

    /** Extra buttons beside "Copy details", e.g. Try again. */
    public void addAction(Button button) {
        extra.add(button);
        if (!actions.getChildren().isEmpty()) {
            actions.getChildren().add(button);
        }
    }
}
