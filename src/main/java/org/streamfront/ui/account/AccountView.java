package org.streamfront.ui.account;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.aws.AwsSession;
import org.streamfront.ui.widgets.Clipboards;
import org.streamfront.ui.widgets.ErrorPanel;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.StepPage;
import software.amazon.awssdk.services.sso.model.AccountInfo;

/**
 * The tutorial's "sign in to the AWS console", without the console. It never blocks Next: planning
 * without an account is fine; only Create needs one.
 */
public final class AccountView implements StepPage {
    private final AccountViewModel model;
    private final Consumer<String> openBrowser;
    private final Node view;

    public AccountView(AccountViewModel model, Runnable switchToPractice, Consumer<String> openBrowser) {
        this.model = model;
        this.openBrowser = openBrowser;
        Label identity = new Label();
        identity.setId("account-identity");
        identity.getStyleClass().add("identity");
        identity.setWrapText(true);
        identity.textProperty().bind(model.identity);
        Label ok = new Label(Messages.get("account.connected"));
        ok.setId("account-ok");
        ok.getStyleClass().add("success");
        Forms.showWhen(ok, model.connected().isNotNull());
        Label metricsNote = new Label();
        metricsNote.setId("account-metrics-note");
        metricsNote.setWrapText(true);
        metricsNote.textProperty().bind(model.metricsNote);
        Button copyForMetrics = new Button(Messages.get("account.copyPolicy"));
        copyForMetrics.setOnAction(e -> Clipboards.copy(AwsErrors.MINIMAL_POLICY));
        VBox metrics = new VBox(6, metricsNote, copyForMetrics);
        metrics.setId("account-metrics");
        metrics.getStyleClass().add("banner");
        Forms.showWhen(metrics, model.metricsNote.isNotEmpty().and(model.connected().isNotNull()));
        Label notice = new Label();
        notice.setId("account-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.notice);

        ErrorPanel error = new ErrorPanel("account-error");
        error.errorProperty().bind(model.error);
        Button copyPolicy = new Button(Messages.get("account.copyPolicy"));
        copyPolicy.setId("account-copy-policy");
        copyPolicy.setOnAction(e -> Clipboards.copy(AwsErrors.MINIMAL_POLICY));
        error.addAction(copyPolicy);

        if (model.practice) {
            view = Forms.page(Forms.heading("account.practice.heading"), Forms.prose("account.practice.placeholder"),
                    identity, ok, metrics, error);
            return;
        }
        Label none = new Label(Messages.get("account.noCredentials"));
        none.setWrapText(true);
        Button practice = new Button(Messages.get("account.tryPractice"));
        practice.setId("account-try-practice");
        practice.getStyleClass().add("accent");
        practice.setOnAction(e -> switchToPractice.run());
        VBox offer = new VBox(8, none, practice);
        offer.setId("account-none");
        offer.getStyleClass().add("banner");
        Forms.showWhen(offer, model.noCredentialsHere);

        ToggleGroup ways = new ToggleGroup();
        VBox choices = new VBox(6);
        VBox panes = new VBox();
        for (AccountViewModel.Way way : AccountViewModel.Way.values()) {
            RadioButton choice = new RadioButton(Messages.get("account.way." + way.name()));
            choice.setId("account-way-" + way.name().toLowerCase(Locale.ROOT));
            choice.setToggleGroup(ways);
            choice.setUserData(way);
            choice.setTooltip(Forms.tooltip("account.way." + way.name() + ".tip"));
            choices.getChildren().add(choice);
        }
        ways.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                model.way.set((AccountViewModel.Way) t.getUserData());
            }
        });
        model.way.subscribe(w -> {
            ways.getToggles().forEach(t -> t.setSelected(t.getUserData() == w));
            panes.getChildren().setAll(switch (w) {
                case PROFILE -> profilePane(identity);
                case SSO -> ssoPane();
                case KEYS -> keysPane();
            });
        });
        view = Forms.page(Forms.heading("account.heading"), Forms.prose("account.real.intro"), offer, choices, panes,
                identity, ok, metrics, notice, error);
    }

    private Node profilePane(Label identity) {
        Label looking = new Label(Messages.get("account.looking"));
        looking.setId("account-looking");
        VBox slot = new VBox(looking);
        // The sign-ins are read in the background; the chooser appears when they are known.
        Runnable show = () -> {
            if (!model.sessions.isEmpty() && slot.getChildren().contains(looking)) {
                ComboBox<AwsSession> chooser = new ComboBox<>(model.sessions);
                chooser.setId("account-session");
                chooser.valueProperty().bindBidirectional(model.selected);
                slot.getChildren().setAll(Forms.field("account.chooser", chooser, "account.chooser.tip", null),
                        connectButton("account-connect"));
            }
        };
        show.run();
        model.sessions.subscribe(show);
        return slot;
    }

    private Node keysPane() {
        TextField id = Forms.textField("account-key-id", model.keyId);
        id.setPromptText("AKIA\u2026");
        PasswordField secret = new PasswordField();
        secret.setId("account-secret");
        secret.textProperty().bindBidirectional(model.secretKey);
        PasswordField token = new PasswordField();
        token.setId("account-session-token");
        token.textProperty().bindBidirectional(model.sessionToken);
        CheckBox save = new CheckBox(Messages.get("account.keys.save"));
        save.setId("account-save-keys");
        save.selectedProperty().bindBidirectional(model.saveKeys);
        save.setTooltip(Forms.tooltip("account.keys.save.tip"));
        TextField name = Forms.textField("account-profile-name", model.profileName);
        name.disableProperty().bind(model.saveKeys.not());
        name.setPrefColumnCount(16);
        return new VBox(10,
                Forms.field("account.keys.id", id, "account.keys.id.tip", null),
                Forms.field("account.keys.secret", secret, "account.keys.secret.tip", null),
                Forms.field("account.keys.token", token, "account.keys.token.tip", null),
                new HBox(8, save, name),
                connectButton("account-connect-keys"));
    }

    private Node ssoPane() {
        TextField url = Forms.textField("account-sso-url", model.startUrl);
        url.setPromptText("https://my-company.awsapps.com/start");
        TextField region = Forms.textField("account-sso-region", model.ssoRegion);
        region.setPrefColumnCount(12);
        Button signIn = new Button(Messages.get("sso.signIn"));
        signIn.setId("account-sso-sign-in");
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(model.signingIn);
        signIn.setOnAction(e -> model.startSignIn(openBrowser));
        Button cancel = new Button(Messages.get("sso.cancel"));
        cancel.setId("account-sso-cancel");
        cancel.visibleProperty().bind(model.signingIn);
        cancel.setOnAction(e -> model.cancelSignIn());

        Label code = new Label();
        code.setId("account-sso-code");
        code.getStyleClass().add("title-2");
        code.textProperty().bind(model.userCode);
        Button copyCode = new Button(Messages.get("sso.copyCode"));
        copyCode.setOnAction(e -> Clipboards.copy(model.userCode.get()));
        Button browser = new Button(Messages.get("sso.openBrowser"));
        browser.setOnAction(e -> openBrowser.accept(model.verificationUrl.get()));
        TextField where = new TextField();
        where.setEditable(false);
        where.textProperty().bind(model.verificationUrl);
        VBox codeBox = new VBox(6, new Label(Messages.get("sso.yourCode")), new HBox(10, code, copyCode, browser), where);
        codeBox.getStyleClass().add("banner");
        Forms.showWhen(codeBox, model.userCode.isNotEmpty());
        Label status = new Label();
        status.setId("account-sso-status");
        status.setWrapText(true);
        status.textProperty().bind(model.ssoStatus);

        ComboBox<AccountInfo> accounts = new ComboBox<>(model.ssoAccounts);
        accounts.setId("account-sso-account");
        accounts.valueProperty().bindBidirectional(model.ssoAccount);
        accounts.setConverter(new StringConverter<>() {
            @Override
            public String toString(AccountInfo a) {
                return a == null ? "" : a.accountName() + " (" + a.accountId() + ")";
            }

            @Override
            public AccountInfo fromString(String s) {
                return null;
            }
        });
        ComboBox<String> roles = new ComboBox<>(model.ssoRoles);
        roles.setId("account-sso-role");
        roles.valueProperty().bindBidirectional(model.ssoRole);
        CheckBox save = new CheckBox(Messages.get("sso.save"));
        save.setId("account-save-sso");
        save.selectedProperty().bindBidirectional(model.saveSsoProfile);
        TextField name = Forms.textField("account-sso-profile-name", model.profileName);
        name.disableProperty().bind(model.saveSsoProfile.not());
        name.setPrefColumnCount(16);
        Button use = connectButton("account-sso-use");
        use.setText(Messages.get("sso.useRole"));
        use.disableProperty().unbind();
        use.disableProperty().bind(model.ssoRole.isNull().or(model.checking));
        VBox pick = new VBox(10, new HBox(10, Forms.field("sso.account", accounts, "sso.account.tip", null),
                Forms.field("sso.role", roles, "sso.role.tip", null)), new HBox(8, save, name), use);
        Forms.showWhen(pick, Bindings.isNotEmpty(model.ssoAccounts));

        return new VBox(10, new HBox(10, Forms.field("sso.startUrl", url, "sso.startUrl.tip", null),
                Forms.field("sso.region", region, "sso.region.tip", null)),
                new HBox(10, signIn, cancel), codeBox, status, pick);
    }

    private Button connectButton(String id) {
        Button connect = new Button(Messages.get("account.connect"));
        connect.setId(id);
        connect.setTooltip(Forms.tooltip("account.connect.tip"));
        connect.disableProperty().bind(model.checking);
        connect.setOnAction(e -> model.connect());
        return connect;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        model.shown();
    }
}
