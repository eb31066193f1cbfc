package org.streamfront.ui.widgets;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.converter.IntegerStringConverter;
import org.streamfront.Messages;

/** The building blocks every step's form is made of: a labelled field with its rule's message under it. */
public final class Forms {
    private Forms() {
    }

    /** The rule's message for the property's current value, or null while the value is fine. */
    public static <T> StringBinding error(ObservableValue<T> value, Function<T, Optional<String>> rule) {
        return Bindings.createStringBinding(() -> rule.apply(value.getValue()).orElse(null), value);
    }

    /** The first message of several, or null when all are fine: what the nav bar shows for a step. */
    public static StringBinding firstError(StringBinding... errors) {
        return Bindings.createStringBinding(() -> {
            for (StringBinding e : errors) {
                if (e.get() != null) {
                    return e.get();
                }
            }
            return null;
        }, errors);
    }

    /**
     * Label (with mnemonic), control, tooltip, and the error message in plain words right under
     * the control; the control is marked as in error while there is one.
     */
    public static VBox field(String labelKey, Node control, String tooltipKey, ObservableValue<String> error) {
        Label label = new Label(Messages.get(labelKey));
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        if (control instanceof Control c) {
            c.setTooltip(tooltip(tooltipKey));
            c.setMaxWidth(Double.MAX_VALUE);
        } else {
            Tooltip.install(control, tooltip(tooltipKey));
        }
        VBox box = new VBox(4, label, control);
        box.getStyleClass().add("form-field");
        if (error != null) {
            Label message = new Label();
            message.getStyleClass().add("field-error");
            message.setWrapText(true);
            message.textProperty().bind(error);
            message.visibleProperty().bind(error.map(e -> true).orElse(false));
            message.managedProperty().bind(message.visibleProperty());
            message.setId(control.getId() == null ? null : control.getId() + "-error");
            error.subscribe(e -> control.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), e != null));
            box.getChildren().add(message);
        }
        return box;
    }

    public static Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip(Messages.get(key));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(400));
        return tip;
    }

    /** A text field bound both ways to an Integer property that accepts only digits (empty = no number). */
    public static TextField numberField(String id, ObjectProperty<Integer> property, int maxDigits) {
        TextField field = new TextField();
        field.setId(id);
        UnaryOperator<TextFormatter.Change> digitsOnly = change ->
                change.getControlNewText().matches("\\d{0," + maxDigits + "}") ? change : null;
        TextFormatter<Integer> formatter = new TextFormatter<>(new IntegerStringConverter(), property.get(), digitsOnly);
        formatter.valueProperty().bindBidirectional(property);
        field.setTextFormatter(formatter);
        // Commit on every keystroke, not only on Enter or focus loss, so the draft has what was typed.
        field.textProperty().addListener((obs, old, text) -> field.commitValue());
        field.setPrefColumnCount(6);
        return field;
    }

    public static TextField textField(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** Shows the node, and gives it room in the layout, only while the condition holds. */
    public static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    public static Label heading(String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("title-3");
        return label;
    }

    public static Label prose(String key, Object... args) {
        Label label = new Label(Messages.get(key, args));
        label.setWrapText(true);
        label.getStyleClass().add("prose");
        return label;
    }

    public static Node page(Node... children) {
        VBox page = new VBox(14, children);
        page.getStyleClass().add("step-page");
        page.setMaxWidth(760);
        return page;
    }

    /** A page with two columns, for steps whose second column (checks) would otherwise push the form out of sight. */
    public static Node widePage(Node heading, Node main, Node side, double sideWidth) {
        side.getStyleClass().add("side-column");
        if (side instanceof Region r) {
            r.setPrefWidth(sideWidth);
            r.setMinWidth(Math.min(sideWidth, 240));
        }
        VBox left = new VBox(14, heading, main);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox columns = new HBox(28, left, side);
        VBox stacked = new VBox(28);
        StackPane page = new StackPane(columns);
        page.getStyleClass().add("step-page");
        page.setMaxWidth(1160);
        // Too narrow for two columns (large text, a small window): the side column goes under the form.
        page.widthProperty().subscribe(width -> {
            boolean narrow = width.doubleValue() > 0 && width.doubleValue() < 2.1 * sideWidth * textScale(page);
            if (narrow && page.getChildren().get(0) == columns) {
                stacked.getChildren().setAll(left, side);
                page.getChildren().setAll(stacked);
            } else if (!narrow && page.getChildren().get(0) == stacked) {
                columns.getChildren().setAll(left, side);
                page.getChildren().setAll(columns);
            }
        });
        return page;
    }

    /** The text size chosen in Settings, as a factor (1 at the usual size): a style class on the window's root. */
    private static double textScale(Node node) {
        return node.getScene() == null ? 1 : node.getScene().getRoot().getStyleClass().stream()
                .filter(c -> c.startsWith("text-size-")).mapToInt(c -> Integer.parseInt(c.substring("text-size-".length())))
                .findFirst().orElse(100) / 100.0;
    }

    /**
     * A vertical scroller for pages that change while shown (video, progress, charts). The skin
     * caches its viewport as one image the size of the viewport, which any change inside redraws
     * whole before the window is drawn: for moving content that is twice the drawing, and an
     * image of a few MB kept for nothing.
     */
    public static ScrollPane scroller(Node content) {
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.skinProperty().subscribe(skin -> {
            if (skin != null) {
                scroller.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("viewport"))
                        .forEach(viewport -> viewport.setCache(false));
            }
        });
        return scroller;
    }
}
