package org.streamfront.ui.origin;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.plan.Plan;
import org.streamfront.ui.widgets.CheckList;
import org.streamfront.ui.widgets.Choices;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.widgets.StreamPicker;
import org.streamfront.ui.wizard.StepPage;

/** The tutorial's origin form: AMS host, application (origin path), protocol and ports. */
public final class OriginView implements StepPage {
    private final OriginViewModel model;
    private final Node view;

    private final OriginCheckViewModel check;

    public OriginView(OriginViewModel model, OriginCheckViewModel check) {
        this.model = model;
        this.check = check;
        this.view = build();
    }

    private Node build() {
        var form = model.form;
        var domain = Forms.textField("origin-domain", form.domain);
        domain.setPromptText("ams.example.com");

        ComboBox<String> application = new ComboBox<>();
        application.setId("origin-application");
        application.setEditable(true);
        application.getItems().setAll(Plan.Origin.KNOWN_APPLICATIONS);
        application.getEditor().textProperty().bindBidirectional(form.application);

        VBox protocolBox = Choices.radios("origin-protocol", Plan.Origin.PROTOCOLS, "origin.protocol", form.protocol);

        var httpPort = Forms.numberField("origin-http-port", form.httpPort, 5);
        var httpsPort = Forms.numberField("origin-https-port", form.httpsPort, 5);
        var ports = sideBySide(
                Forms.field("origin.httpPort", httpPort, "origin.httpPort.tip", model.httpPortError),
                Forms.field("origin.httpsPort", httpsPort, "origin.httpsPort.tip", model.httpsPortError));

        var secondary = Forms.textField("origin-secondary", form.secondaryDomain);
        secondary.setPromptText("ams2.example.com");
        TitledPane cluster = new TitledPane(Messages.get("origin.cluster"), new VBox(6, Forms.prose("origin.cluster.explained"),
                Forms.field("origin.secondary", secondary, "origin.secondary.tip", model.secondaryError)));
        cluster.setId("origin-cluster");
        cluster.setExpanded(!form.secondaryDomain.get().isEmpty() || model.secondaryError.get() != null);
        model.secondaryError.subscribe(e -> cluster.setExpanded(cluster.isExpanded() || e != null));

        var name = Forms.textField("plan-name", form.name);
        name.setPromptText(Messages.get("origin.name.prompt"));
        var streamId = Forms.textField("stream-id", form.streamId);
        streamId.setPromptText("stream1");

        VBox fields = new VBox(10,
                Forms.prose("origin.intro"),
                Forms.field("origin.domain", domain, "origin.domain.tip", model.domainError),
                Forms.field("origin.application", application, "origin.application.tip", model.applicationError),
                Forms.field("origin.protocol", protocolBox, "origin.protocol.tip", model.protocolError),
                ports,
                cluster,
                sideBySide(new VBox(6, Forms.field("origin.streamId", streamId, "origin.streamId.tip", model.streamIdError),
                        new StreamPicker("origin-live", check.liveStreams, form.streamId)),
                        Forms.field("origin.name", name, "origin.name.tip", model.nameError)));
        // The server check beside the form: everything in sight on a 1366x768 screen.
        return Forms.widePage(Forms.heading("origin.heading"), fields, checkSection(), 380);
    }

    private static HBox sideBySide(Node left, Node right) {
        HBox row = new HBox(16, left, right);
        row.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        return row;
    }

    private Node checkSection() {
        Button run = new Button(Messages.get("origin.check.run"));
        run.setId("origin-check-run");
        run.setTooltip(Forms.tooltip("origin.check.run.tip"));
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(check.running);
        run.setOnAction(e -> check.run());
        Label running = new Label(Messages.get("origin.check.running"));
        running.visibleProperty().bind(check.running);
        return new VBox(8, Forms.heading("origin.check.heading"), new HBox(10, run, running),
                new CheckList("origin-checks", check.checks));
    }

    @Override
    public void shown() {
        check.startAutomatic();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableValue<String> blocker() {
        return model.blocker();
    }
}
