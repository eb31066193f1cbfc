package org.streamfront.ui.wizard;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.streamfront.Messages;

/**
 * All steps in a row: which are done, which one is open, which are still ahead. Steps reached so far
 * can be clicked, or reached with Tab and pressed with Space.
 */
final class StepHeader extends HBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass AHEAD = PseudoClass.getPseudoClass("ahead");
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    private boolean compact;

    StepHeader(WizardViewModel model) {
        getStyleClass().add("step-header");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        for (Step step : Step.values()) {
            Label number = new Label(String.valueOf(step.ordinal() + 1));
            number.getStyleClass().add("step-number");
            Button chip = new Button(step.title(), number);
            chip.setId("step-" + step.name().toLowerCase(Locale.ROOT));
            chip.getStyleClass().addAll("step-chip", "flat");
            chip.setMnemonicParsing(false);
            chip.setOnAction(e -> model.goTo(step));
            chip.setTooltip(new Tooltip(step.title()));
            Runnable refresh = () -> {
                boolean current = model.current().get() == step;
                boolean done = !current && model.isDone(step);
                chip.pseudoClassStateChanged(CURRENT, current);
                chip.pseudoClassStateChanged(DONE, done);
                chip.pseudoClassStateChanged(AHEAD, !current && !done);
                number.setText(done ? "\u2713" : String.valueOf(step.ordinal() + 1));
                chip.setDisable(step.ordinal() > model.furthest().get().ordinal());
                // What a screen reader says: the colour and the tick are not enough.
                chip.setAccessibleText(Messages.get("step.accessible", step.ordinal() + 1, Step.values().length, step.title(),
                        Messages.get(current ? "step.state.current" : done ? "step.state.done"
                                : chip.isDisabled() ? "step.state.later" : "step.state.ahead")));
            };
            model.current().subscribe(s -> refresh.run());
            model.furthest().subscribe(s -> refresh.run());
            model.blocker().subscribe(s -> refresh.run());
            getChildren().add(chip);
            if (step != Step.last()) {
                Region line = new Region();
                line.getStyleClass().add("step-line");
                HBox.setHgrow(line, Priority.ALWAYS);
                getChildren().add(line);
            }
        }
    }

    /**
     * Where every step's name does not fit (a narrow window, larger text, a long language), the
     * header keeps the open step's name and shows the others by number rather than cutting all
     * of them short ("Bereitstel…"); their names stay in the tooltips and for screen readers.
     */
    @Override
    protected void layoutChildren() {
        boolean fits = getWidth() >= widthWithEveryName();
        if (fits == compact) {
            compact = !fits;
            pseudoClassStateChanged(COMPACT, compact);
        }
        super.layoutChildren();
    }

    private double widthWithEveryName() {
        double width = snappedLeftInset() + snappedRightInset() + getSpacing() * (getChildren().size() - 1);
        for (Node child : getChildren()) {
            width += child instanceof Button chip ? nameWidth(chip) + Math.max(chip.getGraphic().minWidth(-1), chip.getGraphic().prefWidth(-1)) + chip.getGraphicTextGap()
                    + chip.snappedLeftInset() + chip.snappedRightInset() : child.minWidth(-1);
        }
        return width;
    }

    private static double nameWidth(Button chip) {
        Text name = new Text(chip.getText());
        name.setFont(chip.getFont());
        return Math.ceil(name.getLayoutBounds().getWidth()) + 2;
    }
}
