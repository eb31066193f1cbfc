package org.streamfront.ui.audience;

import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.streamfront.Messages;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.widgets.Windows;

/** The audience of one distribution in its own window, refreshed while the window is open. */
public final class AudienceWindow {
    private AudienceWindow() {
    }

    public static Stage show(Window owner, AudienceViewModel model, AudienceViewModel.Target target) {
        VBox root = new VBox(10, Forms.heading("audience.title"), Forms.prose("audience.of", target.distributionId(), target.domain()),
                new AudienceView(model));
        root.setStyle("-fx-padding: 16");
        ScrollPane scroll = Forms.scroller(root);
        Stage stage = Windows.secondary(owner, scroll, Messages.get("audience.windowTitle", target.domain()), 620, 720);
        stage.setOnHidden(e -> model.pause());
        stage.show();
        model.show(target);
        return stage;
    }
}
