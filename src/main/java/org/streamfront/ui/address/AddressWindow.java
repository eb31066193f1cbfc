package org.streamfront.ui.address;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.streamfront.Messages;
import org.streamfront.address.DnsRecord;
import org.streamfront.ui.widgets.Forms;

/** A distribution's own address in a window of its own, from My distributions. */
public final class AddressWindow {
    private AddressWindow() {
    }

    public static Stage show(Window owner, AddressViewModel model, AddressViewModel.Target target, Consumer<AddressViewModel> play,
                             Consumer<List<DnsRecord>> practiceProvider) {
        Stage stage = new Stage();
        AddressView view = new AddressView(model, m -> {
            stage.close();
            play.accept(m);
        }, practiceProvider, () -> target);
        ScrollPane scroll = Forms.scroller(view.view());
        scroll.setStyle("-fx-padding: 8");
        stage.setScene(new Scene(scroll, 760, 680));
        stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setTitle(Messages.get("address.windowTitle", target.domain()));
        stage.initOwner(owner);
        // Closing stops watching; everything so far is saved and opening the window again goes on.
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        view.shown();
        return stage;
    }
}
