package org.streamfront.ui.wizard;

import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.ui.widgets.Forms;

/** The app shell: title bar with plan actions, step header, the current step, and Back / Next. */
public final class WizardView extends BorderPane {
    private final Label notice = new Label();
    private final VBox banners = new VBox();

    public WizardView(WizardViewModel model, PlanFiles files, boolean practice, Runnable showMine, Runnable showSettings) {
        getStyleClass().add("wizard");

        Label title = new Label(Messages.get("app.name"));
        title.getStyleClass().addAll("title-2", "app-title");
        Label practiceBadge = new Label(Messages.get("app.practiceBadge"));
        practiceBadge.setId("practice-badge");
        practiceBadge.getStyleClass().add("practice-badge");
        practiceBadge.setTooltip(Forms.tooltip("app.practiceBadge.tip"));
        practiceBadge.setVisible(practice);
        practiceBadge.setManaged(practice);
        Button open = new Button(Messages.get("toolbar.open"));
        open.setId("toolbar-open");
        open.setOnAction(e -> files.open(getScene().getWindow()));
        Button save = new Button(Messages.get("toolbar.save"));
        save.setId("toolbar-save");
        save.setOnAction(e -> files.save(getScene().getWindow()));
        Button mine = new Button(Messages.get("toolbar.mine"));
        mine.setId("toolbar-mine");
        mine.setOnAction(e -> showMine.run());
        mine.setTooltip(Forms.tooltip("toolbar.mine.tip"));
        Button settings = new Button(Messages.get("toolbar.settings"));
        settings.setId("toolbar-settings");
        settings.setOnAction(e -> showSettings.run());
        settings.setTooltip(Forms.tooltip("toolbar.settings.tip"));
        title.setMinWidth(Region.USE_PREF_SIZE);
        practiceBadge.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : new Button[] {mine, open, save, settings}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setMnemonicParsing(true);
            b.getStyleClass().add("flat");
        }
        open.setTooltip(Forms.tooltip("toolbar.open.tip"));
        save.setTooltip(Forms.tooltip("toolbar.save.tip"));
        FlowPane toolbar = new FlowPane(8, 4, mine, open, save, settings);
        toolbar.setAlignment(Pos.CENTER_RIGHT);
        toolbar.setMinWidth(0);
        HBox.setHgrow(toolbar, Priority.ALWAYS);
        HBox name = new HBox(12, title, practiceBadge);
        name.setAlignment(Pos.CENTER_LEFT);
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox oneLine = new HBox(12, name, toolbar);
        oneLine.setAlignment(Pos.CENTER_LEFT);
        VBox twoLines = new VBox(6);
        StackPane titleBar = new StackPane(oneLine);
        titleBar.getStyleClass().add("title-bar");
        // Where the buttons do not fit beside the name (large text, a small screen, a long language),
        // they go on a line of their own, wrapping there, rather than stacking up one per line.
        titleBar.widthProperty().subscribe(width -> {
            double buttons = toolbar.getChildren().stream().mapToDouble(b -> b.prefWidth(-1)).sum()
                    + toolbar.getHgap() * (toolbar.getChildren().size() - 1);
            boolean fits = width.doubleValue() - titleBar.snappedLeftInset() - titleBar.snappedRightInset()
                    >= name.prefWidth(-1) + oneLine.getSpacing() + buttons;
            if (fits && titleBar.getChildren().get(0) == twoLines) {
                oneLine.getChildren().setAll(name, toolbar);
                titleBar.getChildren().setAll(oneLine);
            } else if (!fits && titleBar.getChildren().get(0) == oneLine) {
                twoLines.getChildren().setAll(name, toolbar);
                titleBar.getChildren().setAll(twoLines);
            }
        });
        setTop(new VBox(titleBar, new StepHeader(model), banners));

        StackPane content = new StackPane();
        content.getStyleClass().add("step-content");
        ScrollPane scroller = Forms.scroller(content);
        scroller.getStyleClass().add("edge-to-edge");
        setCenter(scroller);

        Button back = new Button(Messages.get("nav.back"));
        back.setId("nav-back");
        back.setMnemonicParsing(true);
        back.setCancelButton(false);
        back.disableProperty().bind(model.canGoBack().not());
        back.setOnAction(e -> model.back());
        Button next = new Button(Messages.get("nav.next"));
        next.setId("nav-next");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.getStyleClass().add("accent");
        next.disableProperty().bind(model.canGoNext().not());
        next.setOnAction(e -> model.next());
        next.visibleProperty().bind(model.current().isNotEqualTo(Step.last()));
        for (Button b : new Button[] {back, next}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label blocker = new Label();
        blocker.setId("nav-blocker");
        blocker.getStyleClass().add("nav-blocker");
        blocker.setWrapText(true);
        blocker.textProperty().bind(model.blocker());
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        VBox messages = new VBox(2, blocker, notice);
        HBox.setHgrow(messages, Priority.ALWAYS);
        HBox nav = new HBox(10, messages, back, next);
        nav.setAlignment(Pos.CENTER_RIGHT);
        nav.getStyleClass().add("nav-bar");
        setBottom(nav);

        model.current().subscribe(step -> {
            Node view = model.page(step).view();
            StackPane.setAlignment(view, Pos.TOP_CENTER);
            content.getChildren().setAll(view);
            scroller.setVvalue(0);
            // Once laid out: the step's first field, else Next, else the page itself (arrow keys scroll it).
            Platform.runLater(() -> firstFocus(view).orElse(next.isDisabled() ? scroller : next).requestFocus());
        });
    }

    /** The first control of the page that takes input, in reading order. */
    private static Optional<Node> firstFocus(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        boolean input = node instanceof TextInputControl t ? t.isEditable()
                : node instanceof ComboBoxBase<?> || node instanceof ChoiceBox<?> || node instanceof Spinner<?>
                || node instanceof Toggle;
        if (input && node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof Parent p && !(node instanceof Control && input)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Optional<Node> found = firstFocus(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A short message under the step (file saved, plan opened). */
    public void notice(String text) {
        notice.setText(text);
    }

    /** Shows a banner above the step until it is dismissed. */
    public void showBanner(Node banner) {
        if (!banners.getChildren().contains(banner)) {
            banners.getChildren().add(banner);
        }
    }

    public void removeBanner(Node banner) {
        banners.getChildren().remove(banner);
    }
}
