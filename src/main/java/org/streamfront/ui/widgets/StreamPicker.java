package org.streamfront.ui.widgets;

import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.streamfront.Messages;

/** "Live now: stream1 stream2": the streams AMS reports as broadcasting, one click to pick; hidden when none are known. */
public final class StreamPicker extends FlowPane {
    public StreamPicker(String id, ObservableList<String> live, StringProperty streamId) {
        super(6, 4);
        setId(id);
        Runnable fill = () -> {
            getChildren().setAll(new Label(Messages.get("origin.check.liveNow")));
            for (String stream : live) {
                Hyperlink pick = new Hyperlink(stream);
                pick.setId(id + "-" + stream);
                pick.setOnAction(e -> streamId.set(stream));
                getChildren().add(pick);
            }
            setVisible(!live.isEmpty());
            setManaged(!live.isEmpty());
        };
        fill.run();
        live.subscribe(fill);
    }
}
