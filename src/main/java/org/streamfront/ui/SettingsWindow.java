package org.streamfront.ui;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.streamfront.Languages;
import org.streamfront.Messages;
import org.streamfront.Numbers;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.widgets.Windows;

/** Colours, text size, language and the update check. Colours and size apply at once; the language at the next start. */
final class SettingsWindow {
    private static final Logger LOG = Logger.getLogger(SettingsWindow.class.getName());
    private static final Languages.Language COMPUTERS = new Languages.Language("", "");

    private SettingsWindow() {
    }

    static Stage show(Window owner, Appearance appearance) {
        var settings = appearance.settings();
        ToggleGroup colours = choices("settings-colours-", Appearance.COLOURS, c -> Messages.get("settings.colours." + c),
                appearance.colours().get());
        ToggleGroup sizes = choices("settings-text-", Appearance.TEXT_SIZES,
                size -> Messages.get("settings.textSize.percent", Numbers.whole(size)), appearance.textSize().get());
        for (ToggleGroup group : List.of(colours, sizes)) {
            group.selectedToggleProperty().subscribe((was, now) -> {
                if (now != null) {
                    appearance.choose((String) colours.getSelectedToggle().getUserData(),
                            (Integer) sizes.getSelectedToggle().getUserData());
                }
            });
        }

        ComboBox<Languages.Language> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().add(COMPUTERS);
        language.getItems().addAll(Languages.ALL);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Languages.Language l) {
                return l == null || l.tag().isEmpty() ? Messages.get("settings.language.computer") : l.name();
            }

            @Override
            public Languages.Language fromString(String s) {
                return null;
            }
        });
        language.setValue(Languages.ALL.stream().filter(l -> l.tag().equals(settings.language())).findFirst().orElse(COMPUTERS));
        Label languageNote = Forms.prose("settings.language.nextStart");
        languageNote.setId("settings-language-note");
        languageNote.setVisible(false);
        language.valueProperty().subscribe((was, now) -> {
            save(() -> settings.language(now.tag()));
            languageNote.setVisible(true);
        });

        CheckBox updates = new CheckBox(Messages.get("settings.updates"));
        updates.setId("settings-updates");
        updates.setWrapText(true);
        updates.setSelected(settings.updateCheck());
        updates.setOnAction(e -> save(() -> settings.updateCheck(updates.isSelected())));

        Button close = new Button(Messages.get("settings.close"));
        close.setId("settings-close");
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.setStyle("-fx-alignment: center-right");
        VBox root = new VBox(14, Forms.heading("settings.title"),
                group("settings.colours", colours), group("settings.textSize", sizes),
                Forms.field("settings.language", language, "settings.language.tip", null), languageNote,
                updates, buttons);
        root.setStyle("-fx-padding: 18");
        Stage stage = Windows.secondary(owner, root, Messages.get("settings.title"), 560, 420);
        close.setOnAction(e -> stage.close());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.show();
        // The first choice has the focus, so arrow keys move through the colours at once.
        ((RadioButton) colours.getSelectedToggle()).requestFocus();
        return stage;
    }

    /** A row of radio buttons, one per value, the current one selected. */
    private static <T> ToggleGroup choices(String idPrefix, List<T> values, Function<T, String> label, T current) {
        ToggleGroup group = new ToggleGroup();
        for (T value : values) {
            RadioButton r = new RadioButton(label.apply(value));
            r.setId(idPrefix + value);
            r.setUserData(value);
            r.setToggleGroup(group);
            r.setSelected(value.equals(current));
        }
        return group;
    }

    /** A heading over a group's row of choices, the row named by the heading for screen readers. */
    private static VBox group(String key, ToggleGroup choices) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().add("text-bold");
        HBox row = new HBox(16);
        for (var toggle : choices.getToggles()) {
            RadioButton r = (RadioButton) toggle;
            r.setAccessibleHelp(heading.getText());
            row.getChildren().add(r);
        }
        return new VBox(6, heading, row);
    }

    private interface Save {
        void run() throws IOException;
    }

    /** Writes a setting off the FX thread; a failed write is logged (the choice still holds for this run). */
    private static void save(Save change) {
        Background.inTurn(() -> {
            try {
                change.run();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "settings could not be saved", e);
            }
        });
    }
}
