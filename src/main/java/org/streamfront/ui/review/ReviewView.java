package org.streamfront.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.ui.widgets.Windows;
import org.streamfront.plan.ConfigExport;
import org.streamfront.ui.widgets.CheckList;
import org.streamfront.ui.widgets.Clipboards;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.PlanFiles;
import org.streamfront.ui.wizard.StepPage;

/** The tutorial's last form before Create: what will happen, the exact settings, and the way out to engineers. */
public final class ReviewView implements StepPage {
    private final ReviewViewModel model;
    private final Node view;

    /** {@code apply} creates, updates or opens the plan's distribution, as the target says. */
    public ReviewView(ReviewViewModel model, PlanFiles files, Consumer<ReviewViewModel.Target> apply) {
        this.model = model;
        VBox summary = new VBox(6);
        summary.setId("review-summary");
        model.summary.subscribe(lines -> summary.getChildren().setAll(lines.stream()
                .map(line -> (Node) wrapped("\u2022 " + line)).toList()));

        TextArea settings = new TextArea();
        settings.setId("review-settings");
        settings.setEditable(false);
        settings.getStyleClass().add("code");
        settings.setPrefRowCount(14);
        settings.textProperty().bind(model.settings);
        TitledPane exact = new TitledPane(Messages.get("review.settings"), settings);
        exact.setExpanded(false);

        Button save = button("review-save", "review.save", "review.save.tip");
        save.setOnAction(e -> files.save(save.getScene().getWindow()));
        Button exportCli = button("review-export-cli", "review.exportCli", "review.exportCli.tip");
        exportCli.setOnAction(e -> files.export(exportCli.getScene().getWindow(), ConfigExport.Format.AWS_CLI));
        Button exportCfn = button("review-export-cfn", "review.exportCfn", "review.exportCfn.tip");
        exportCfn.setOnAction(e -> files.export(exportCfn.getScene().getWindow(), ConfigExport.Format.CLOUDFORMATION));
        Button copy = button("review-copy", "review.copy", "review.copy.tip");
        copy.setOnAction(e -> Clipboards.copy(model.settings.get()));
        for (Button b : new Button[] {exportCli, exportCfn, copy}) {
            b.disableProperty().bind(model.settings.isEmpty());
        }
        Button createButton = button("review-create", "review.create", "review.create.tip");
        createButton.getStyleClass().add("accent");
        Windows.deliberate(createButton);
        createButton.disableProperty().bind(model.canCreate.not());
        createButton.textProperty().bind(model.actionText);
        createButton.setOnAction(e -> {
            if (model.target.get().mode() == ReviewViewModel.Mode.UNKNOWN) {
                model.check();
            } else {
                apply.accept(model.target.get());
            }
        });
        Label why = new Label();
        why.setId("review-create-blocker");
        why.getStyleClass().add("field-error");
        why.setWrapText(true);
        why.textProperty().bind(model.createBlocker);

        VBox changes = new VBox(4);
        changes.setId("review-changes");
        changes.getStyleClass().add("changes");
        model.target.subscribe(t -> changes.getChildren().setAll(changeLines(t)));
        Forms.showWhen(changes, Bindings.isNotEmpty(changes.getChildren()));

        FlowPane actions = new FlowPane(8, 8, save, exportCli, exportCfn, copy);
        Label warningsTitle = new Label(Messages.get("review.warnings"));
        VBox warnings = new VBox(4, warningsTitle, new CheckList("review-warnings", model.warnings));
        Forms.showWhen(warnings, Bindings.isNotEmpty(model.warnings));
        view = Forms.page(Forms.heading("review.heading"), changes, summary, warnings, EstimateView.of(model.estimate), exact, actions,
                new VBox(6, createButton, why));
    }

    /** The distribution the plan has, and what an update changes (or that nothing would). */
    private static List<Node> changeLines(ReviewViewModel.Target t) {
        List<Node> lines = new ArrayList<>();
        switch (t.mode()) {
            case UPDATE -> {
                lines.add(strong(Messages.get("review.changes", t.id(), t.domain())));
                t.changes().forEach(c -> lines.add(wrapped("\u2022 " + c)));
            }
            case IN_SYNC -> lines.add(strong(Messages.get("review.inSync", t.id(), t.domain())));
            case CREATE -> {
                if (t.note() != null) {
                    lines.add(strong(t.note()));
                }
            }
            default -> { }
        }
        return lines;
    }

    private static Label strong(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add("text-bold");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Button button(String id, String key, String tip) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setTooltip(Forms.tooltip(tip));
        return b;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        model.check();
    }

    @Override
    public ObservableValue<String> blocker() {
        return model.blocker();
    }
}
