package org.streamfront.ui.widgets;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.streamfront.Messages;

/** Choices between fixed values (protocols, price classes), shown in words, kept as the plan's values. */
public final class Choices {
    private Choices() {
    }

    /** Radio buttons, one per value, labelled {@code <keyPrefix>.<value>} with tooltip {@code ...tip}. */
    public static VBox radios(String id, List<String> values, String keyPrefix, StringProperty property) {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6);
        box.setId(id);
        for (String value : values) {
            RadioButton choice = new RadioButton(Messages.get(keyPrefix + "." + value));
            choice.setId(id + "-" + value);
            choice.setUserData(value);
            choice.setToggleGroup(group);
            choice.setTooltip(Forms.tooltip(keyPrefix + "." + value + ".tip"));
            choice.setWrapText(true);
            box.getChildren().add(choice);
        }
        property.subscribe(v -> group.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(v))));
        group.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                property.set((String) t.getUserData());
            }
        });
        return box;
    }

    /** A drop-down of the values, bound both ways to the property. */
    public static ComboBox<String> dropDown(String id, List<String> values, String keyPrefix, StringProperty property) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : Messages.get(keyPrefix + "." + value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.valueProperty().bindBidirectional(property);
        return box;
    }
}
