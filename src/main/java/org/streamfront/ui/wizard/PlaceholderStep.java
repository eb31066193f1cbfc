package org.streamfront.ui.wizard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import org.streamfront.ui.widgets.Forms;

/** A step whose screen comes in a later release: it says what it will do. */
public final class PlaceholderStep implements StepPage {
    private final Node view;
    private final ObservableValue<String> blocker;

    public PlaceholderStep(String key, String blockerText) {
        view = Forms.page(Forms.heading(key + ".heading"), Forms.prose(key + ".placeholder"));
        blocker = new ReadOnlyStringWrapper(blockerText);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableValue<String> blocker() {
        return blocker;
    }
}
