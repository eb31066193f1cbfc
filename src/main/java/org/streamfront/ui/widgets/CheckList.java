package org.streamfront.ui.widgets;

import java.util.Locale;
import javafx.scene.AccessibleRole;
import org.streamfront.Messages;
import javafx.scene.input.KeyCode;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.streamfront.origin.Check;

/** A checklist: a green, amber or red mark per line, plain words, and the raw facts on hover or click. */
public final class CheckList extends VBox {
    public CheckList(String id, ObservableList<Check> checks) {
        super(4);
        setId(id);
        Runnable fill = () -> getChildren().setAll(checks.stream().map(CheckList::line).toList());
        fill.run();
        checks.subscribe(fill);
    }

    private static Node line(Check check) {
        Label mark = new Label(switch (check.mark()) {
            case GREEN -> "\u25cf";
            case AMBER -> "\u25b2";
            case RED -> "\u25a0";
        });
        mark.getStyleClass().add("mark-" + check.mark().name().toLowerCase(Locale.ROOT));
        mark.setMinWidth(Label.USE_PREF_SIZE);
        Label text = new Label(check.summary());
        text.setWrapText(true);
        text.setId("check-" + check.id());
        Tooltip detail = new Tooltip(check.detail());
        detail.setWrapText(true);
        detail.setMaxWidth(480);
        text.setTooltip(detail);
        Runnable toggleDetail = () -> text.setText(text.getText().equals(check.summary())
                ? check.summary() + "\n" + check.detail() : check.summary());
        text.setOnMouseClicked(e -> toggleDetail.run());
        HBox line = new HBox(6, mark, text);
        line.getStyleClass().add("check-line");
        // Reachable with Tab, the detail opened with Enter or Space; read out with its verdict in words, not colour.
        line.setFocusTraversable(true);
        line.setAccessibleRole(AccessibleRole.TEXT);
        line.accessibleTextProperty().bind(text.textProperty().map(t ->
                Messages.get("check.mark." + check.mark().name().toLowerCase(Locale.ROOT)) + ": " + t));
        line.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                toggleDetail.run();
                e.consume();
            }
        });
        line.getProperties().put("mark", check.mark());
        return line;
    }
}
