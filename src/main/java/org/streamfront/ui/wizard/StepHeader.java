package org.streamfront.ui.wizard;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** All steps in a row: which are done, which one is open, which are still ahead. Done steps can be clicked. */
final class StepHeader extends HBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass AHEAD = PseudoClass.getPseudoClass("ahead");

    StepHeader(WizardViewModel model) {
        getStyleClass().add("step-header");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        for (Step step : Step.values()) {
            Label number = new Label(String.valueOf(step.ordinal() + 1));
            number.getStyleClass().add("step-number");
            Button chip = new Button(step.title(), number);
            chip.setId("step-" + step.name().toLowerCase());
            chip.getStyleClass().addAll("step-chip", "flat");
            chip.setFocusTraversable(false);
            chip.setMnemonicParsing(false);
            chip.setOnAction(e -> model.goTo(step));
            Runnable refresh = () -> {
                boolean current = model.current().get() == step;
                boolean done = !current && model.isDone(step);
                chip.pseudoClassStateChanged(CURRENT, current);
                chip.pseudoClassStateChanged(DONE, done);
                chip.pseudoClassStateChanged(AHEAD, !current && !done);
                number.setText(done ? "\u2713" : String.valueOf(step.ordinal() + 1));
                chip.setDisable(step.ordinal() > model.furthest().get().ordinal());
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
}
