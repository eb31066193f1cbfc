package org.streamfront.ui.address;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.streamfront.Messages;
import org.streamfront.address.DnsRecord;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.widgets.Windows;

/** A distribution's own address in a window of its own, from My distributions. */
public final class AddressWindow {
    private AddressWindow() {
    }

    public static Stage show(Window owner, AddressViewModel model, AddressViewModel.Target target, Consumer<AddressViewModel> play,
                             Consumer<List<DnsRecord>> practiceProvider) {
        Stage[] stage = new Stage[1];
        AddressView view = new AddressView(model, m -> {
            stage[0].close();
            play.accept(m);
        }, practiceProvider, () -> target);
        ScrollPane scroll = Forms.scroller(view.view());
        scroll.setStyle("-fx-padding: 8");
        stage[0] = Windows.secondary(owner, scroll, Messages.get("address.windowTitle", target.domain()), 760, 680);
        // Closing stops watching; everything so far is saved and opening the window again goes on.
        stage[0].setOnHidden(e -> model.cancel());
        stage[0].show();
        view.shown();
        return stage[0];
    }
}
