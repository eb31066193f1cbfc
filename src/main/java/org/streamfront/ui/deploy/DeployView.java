package org.streamfront.ui.deploy;

import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.ui.widgets.Windows;
import org.streamfront.aws.AwsErrors;
import org.streamfront.ui.widgets.Clipboards;
import org.streamfront.ui.widgets.ErrorPanel;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.StepPage;

/** The tutorial's "wait until it says Deployed", with the waiting done for the user. */
public final class DeployView implements StepPage {
    private final DeployViewModel model;
    private final Node view;

    public DeployView(DeployViewModel model, Runnable toOrigin, Runnable toAccount, Runnable toReview) {
        this.model = model;
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints());
        facts.getColumnConstraints().get(0).setHalignment(HPos.RIGHT);
        facts.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        row(facts, 0, "deploy.id", "deploy-id", model.distributionId);
        row(facts, 1, "deploy.domain", "deploy-domain", model.domain);
        row(facts, 2, "deploy.status", "deploy-status", model.status);
        row(facts, 3, "deploy.elapsedLabel", "deploy-elapsed", model.elapsed);
        row(facts, 4, "deploy.estimateLabel", "deploy-estimate", model.estimate);

        TextField url = new TextField();
        url.setId("deploy-url");
        url.setEditable(false);
        url.setAccessibleText(Messages.get("deploy.url.accessible"));
        url.textProperty().bind(model.cloudFrontUrl);
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button(Messages.get("deploy.copyUrl"));
        copy.setId("deploy-copy-url");
        copy.disableProperty().bind(model.cloudFrontUrl.isEmpty());
        copy.setOnAction(e -> Clipboards.copy(model.cloudFrontUrl.get()));
        VBox urlBox = new VBox(4, new Label(Messages.get("deploy.url")), new HBox(8, url, copy));
        Forms.showWhen(urlBox, model.cloudFrontUrl.isNotEmpty());
        Label edge = new Label();
        edge.setId("deploy-edge-note");
        edge.setWrapText(true);
        edge.textProperty().bind(model.edgeNote);
        Forms.showWhen(edge, model.edgeNote.isNotEmpty());
        model.watchable.subscribe(serves -> edge.getStyleClass().setAll("label", serves ? "success" : "warning"));

        ProgressBar bar = new ProgressBar();
        bar.setId("deploy-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progress);

        ListView<String> log = new ListView<>(model.log);
        log.setId("deploy-log");
        log.setAccessibleText(Messages.get("deploy.log.accessible"));
        log.setPrefHeight(170);
        log.setFixedCellSize(26);
        log.getItems().subscribe(() -> log.scrollTo(log.getItems().size() - 1));

        Button cancel = new Button(Messages.get("deploy.cancel"));
        cancel.setId("deploy-cancel");
        Forms.showWhen(cancel, model.running);
        cancel.setOnAction(e -> model.cancel());

        Label stoppedText = new Label(Messages.get("deploy.stopped"));
        stoppedText.setWrapText(true);
        Button keep = new Button(Messages.get("deploy.keep"));
        keep.setId("deploy-keep");
        Button teardown = new Button(Messages.get("deploy.teardown"));
        teardown.setId("deploy-teardown");
        teardown.getStyleClass().add("danger");
        Windows.deliberate(teardown);
        teardown.setOnAction(e -> model.teardown());
        Button resume = new Button(Messages.get("deploy.resume"));
        resume.setId("deploy-resume");
        resume.setOnAction(e -> model.retry());
        VBox stopped = new VBox(8, stoppedText, new HBox(8, resume, keep, teardown));
        stopped.setId("deploy-stopped");
        Forms.showWhen(stopped, model.stopped);
        keep.setOnAction(e -> model.keep());

        ErrorPanel error = new ErrorPanel("deploy-error");
        error.errorProperty().bind(model.error);
        Button tryAgain = new Button(Messages.get("error.tryAgain"));
        tryAgain.setId("deploy-try-again");
        tryAgain.setOnAction(e -> model.retry());
        // Trying again blindly would overwrite someone else's change: they see it first.
        Forms.showWhen(tryAgain, model.changedMeanwhile.not());
        error.addAction(tryAgain);
        // A refused setting leads back to its field; a missing permission to the policy to copy.
        Button fix = new Button(Messages.get("deploy.fixField"));
        fix.setId("deploy-fix-field");
        Forms.showWhen(fix, model.error.map(e -> e.field() != null).orElse(false));
        fix.setOnAction(e -> toOrigin.run());
        error.addAction(fix);
        Button review = new Button(Messages.get("deploy.reviewAgain"));
        review.setId("deploy-review-again");
        review.setMnemonicParsing(true);
        Forms.showWhen(review, model.changedMeanwhile);
        review.setOnAction(e -> toReview.run());
        error.addAction(review);
        Button signIn = new Button(Messages.get("deploy.signInAgain"));
        signIn.setId("deploy-sign-in-again");
        Forms.showWhen(signIn, model.error.map(AwsErrors.Explained::aboutSignIn).orElse(false));
        signIn.setOnAction(e -> toAccount.run());
        error.addAction(signIn);
        Button policy = new Button(Messages.get("account.copyPolicy"));
        policy.setId("deploy-copy-policy");
        Forms.showWhen(policy, model.error.map(AwsErrors.Explained::aboutPermissions).orElse(false));
        policy.setOnAction(e -> Clipboards.copy(AwsErrors.MINIMAL_POLICY));
        error.addAction(policy);

        view = Forms.page(Forms.heading("deploy.heading"), Forms.prose("deploy.intro"), bar, facts, urlBox, edge,
                cancel, stopped, error, log);
    }

    private static void row(GridPane grid, int row, String labelKey, String id, ObservableValue<String> value) {
        Label label = new Label(Messages.get(labelKey));
        label.getStyleClass().add("text-muted");
        // The names are never cut ("Usually takes …"); the values wrap instead.
        label.setMinWidth(Label.USE_PREF_SIZE);
        Label text = new Label();
        text.setWrapText(true);
        text.setId(id);
        text.textProperty().bind(value);
        grid.addRow(row, label, text);
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
