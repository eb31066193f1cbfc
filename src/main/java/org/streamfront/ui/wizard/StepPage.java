package org.streamfront.ui.wizard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** One screen of the wizard: its view, and what (if anything) stops the user from moving on. */
public interface StepPage {
    Node view();

    /** For steps that never stop the user from moving on. */
    ObservableValue<String> NEVER_BLOCKED = new ReadOnlyStringWrapper(null);

    /** Why Next is disabled, in plain words; null when the step is complete. */
    default ObservableValue<String> blocker() {
        return NEVER_BLOCKED;
    }

    /** Called each time the step is shown. */
    default void shown() {
    }

    /** Called each time the user leaves the step: stop what only makes sense on screen (a playing video). */
    default void hidden() {
    }
}
