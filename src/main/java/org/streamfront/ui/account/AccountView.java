package org.streamfront.ui.account;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.ui.widgets.ErrorPanel;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.StepPage;

/** The tutorial's "sign in to the AWS console", without the console. */
public final class AccountView implements StepPage {
    private final AccountViewModel model;
    private final Node view;

    public AccountView(AccountViewModel model, Runnable switchToPractice) {
        this.model = model;
        Label identity = new Label();
        identity.setId("account-identity");
        identity.getStyleClass().add("identity");
        identity.setWrapText(true);
        identity.textProperty().bind(model.identity);
        Label ok = new Label(Messages.get("account.connected"));
        ok.setId("account-ok");
        ok.getStyleClass().add("success");
        ok.visibleProperty().bind(model.connected().isNotNull());
        ok.managedProperty().bind(ok.visibleProperty());

        ErrorPanel error = new ErrorPanel("account-error");
        error.errorProperty().bind(model.error);
        Button copyPolicy = new Button(Messages.get("account.copyPolicy"));
        copyPolicy.setId("account-copy-policy");
        copyPolicy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(AwsErrors.MINIMAL_POLICY);
            Clipboard.getSystemClipboard().setContent(content);
        });
        error.addAction(copyPolicy);

        if (model.practice) {
            view = Forms.page(Forms.heading("account.practice.heading"), Forms.prose("account.practice.placeholder"),
                    identity, ok, error);
            return;
        }
        Button tryAgain = new Button(Messages.get("error.tryAgain"));
        tryAgain.setOnAction(e -> model.connect());
        error.addAction(tryAgain);

        VBox box = new VBox(14, Forms.heading("account.heading"), Forms.prose("account.real.intro"));
        Label none = new Label(Messages.get("account.noCredentials"));
        none.setWrapText(true);
        Button practice = new Button(Messages.get("account.tryPractice"));
        practice.setId("account-try-practice");
        practice.getStyleClass().add("accent");
        practice.setOnAction(e -> switchToPractice.run());
        VBox offer = new VBox(8, none, practice);
        offer.setId("account-none");
        offer.getStyleClass().add("banner");
        offer.visibleProperty().bind(model.noCredentialsHere);
        offer.managedProperty().bind(offer.visibleProperty());
        box.getChildren().add(offer);
        Label looking = new Label(Messages.get("account.looking"));
        looking.setId("account-looking");
        VBox chooserSlot = new VBox(looking);
        // The sign-ins are read in the background; the chooser appears when they are known.
        Runnable showChooser = () -> {
            if (!model.sessions.isEmpty() && chooserSlot.getChildren().contains(looking)) {
                chooserSlot.getChildren().setAll(chooserRow(identity));
            }
        };
        showChooser.run();
        model.sessions.subscribe(showChooser);
        box.getChildren().addAll(chooserSlot, ok, error);
        view = Forms.page(box);
    }

    private Node chooserRow(Label identity) {
        ComboBox<org.streamfront.aws.AwsSession> chooser = new ComboBox<>(model.sessions);
        chooser.setId("account-session");
        chooser.valueProperty().bindBidirectional(model.selected);
        Button connect = new Button(Messages.get("account.connect"));
        connect.setId("account-connect");
        connect.setTooltip(Forms.tooltip("account.connect.tip"));
        connect.disableProperty().bind(model.checking.or(model.selected.isNull()));
        connect.setOnAction(e -> model.connect());
        return new VBox(10, Forms.field("account.chooser", chooser, "account.chooser.tip", null), new HBox(10, connect, identity));
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableValue<String> blocker() {
        // Planning without an account is fine; only Create needs one.
        return new ReadOnlyStringWrapper(null);
    }

    @Override
    public void shown() {
        model.shown();
    }
}
