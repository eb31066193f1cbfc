package org.streamfront.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.streamfront.AppLog;
import org.streamfront.Messages;
import org.streamfront.update.BuildInfo;
import org.streamfront.aws.AwsErrors;

/** A failure in plain words, what to do next, and the technical detail one click away. Hidden while there is none. */
public final class ErrorPanel extends VBox {
    private final ObjectProperty<AwsErrors.Explained> error = new SimpleObjectProperty<>();
    private final FlowPane actions = new FlowPane(8, 8);
    private final List<Button> extra = new ArrayList<>();

    public ErrorPanel(String id) {
        setId(id);
        getStyleClass().add("error-panel");
        setSpacing(6);
        setVisible(false);
        setManaged(false);
        // Built when the first error comes: most screens never show one, and the window opens sooner.
        error.subscribe(e -> {
            if (e != null && getChildren().isEmpty()) {
                build(id);
            }
        });
    }

    private void build(String id) {
        Label summary = new Label();
        summary.setId(id + "-summary");
        summary.getStyleClass().add("error-summary");
        summary.setWrapText(true);
        Label advice = new Label();
        advice.setId(id + "-advice");
        advice.setWrapText(true);
        TextArea detail = new TextArea();
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(4);
        detail.getStyleClass().add("code");
        TitledPane details = new TitledPane(Messages.get("error.details"), detail);
        details.setExpanded(false);
        Button copy = new Button(Messages.get("error.copyDetails"));
        copy.setId(id + "-copy");
        copy.setOnAction(e -> Clipboards.copy(forSupport(error.get())));
        actions.getChildren().add(copy);
        if (AppLog.folder() != null && folderOpener != null) {
            Button logs = new Button(Messages.get("error.openLogFolder"));
            logs.setId(id + "-logs");
            logs.setOnAction(e -> folderOpener.accept(AppLog.folder().toUri().toString()));
            actions.getChildren().add(logs);
        }
        actions.getChildren().addAll(extra);
        getChildren().addAll(summary, advice, actions, details);
        error.subscribe(e -> {
            setVisible(e != null);
            setManaged(e != null);
            summary.setText(e == null ? "" : e.summary());
            advice.setText(e == null ? "" : e.advice());
            detail.setText(e == null ? "" : e.detail());
        });
    }

    /** How the app opens a folder in the OS's file manager (set once by the app; none in tests). */
    private static java.util.function.Consumer<String> folderOpener;

    public static void openFoldersWith(java.util.function.Consumer<String> opener) {
        folderOpener = opener;
    }

    /**
     * What "Copy details" puts on the clipboard for a support request: the failure, this copy of
     * StreamFront and where it runs, and the log's last lines (secrets are blanked in the log itself).
     */
    static String forSupport(AwsErrors.Explained e) {
        StringBuilder b = new StringBuilder();
        if (e != null) {
            b.append(e.summary()).append('\n').append(e.advice()).append('\n').append(e.detail()).append("\n\n");
        }
        b.append("StreamFront ").append(BuildInfo.version()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(", Java ").append(System.getProperty("java.version")).append('\n');
        List<String> log = AppLog.lastLines(LOG_LINES);
        if (!log.isEmpty()) {
            b.append("\nLast lines of the log:\n").append(String.join("\n", log)).append('\n');
        }
        return b.toString();
    }

    static final int LOG_LINES = 30;

    public ObjectProperty<AwsErrors.Explained> errorProperty() {
        return error;
    }

    /** Extra buttons beside "Copy details", e.g. Try again. */
    public void addAction(Button button) {
        extra.add(button);
        if (!actions.getChildren().isEmpty()) {
            actions.getChildren().add(button);
        }
    }
}
