package org.streamfront.ui.wizard;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** One screen of the wizard: its view, and what (if anything) stops the user from moving on. */
public interface StepPage {
    Node view();

    /** Why Next is disabled, in plain words; null when the step is complete. */
    ObservableValue<String> blocker();

    /** Called each time the step is shown. */
    default void shown() {
    }
}
