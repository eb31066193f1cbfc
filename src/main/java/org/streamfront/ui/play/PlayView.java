package org.streamfront.ui.play;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.MediaView;
import javafx.beans.binding.Bindings;
import org.streamfront.Messages;
import org.streamfront.access.TokenSnippets;
import org.streamfront.origin.Check;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.ui.audience.AudienceView;
import org.streamfront.ui.audience.AudienceViewModel;
import org.streamfront.ui.widgets.CheckList;
import org.streamfront.ui.widgets.Clipboards;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.widgets.StreamPicker;
import org.streamfront.ui.wizard.StepPage;

/** The tutorial's "open the URL in a browser", done in the app, with proof that the CDN caches. */
public final class PlayView implements StepPage {
    private final PlayViewModel model;
    private final Node view;

    private final TitledPane audiencePane;
    private final Runnable audienceToggle;
    private boolean showing;

    /** {@code audienceTarget} names the distribution the Play step shows, or null before there is one. */
    public PlayView(PlayViewModel model, Consumer<String> openInBrowser, ObservableList<String> liveStreams,
                    AudienceViewModel audience, Supplier<AudienceViewModel.Target> audienceTarget) {
        this.model = model;
        var streamId = Forms.textField("play-stream-id", model.streamId);
        streamId.setPrefColumnCount(10);
        streamId.setMinWidth(Region.USE_PREF_SIZE);
        TextField url = new TextField();
        url.setId("play-url");
        url.setEditable(false);
        url.setAccessibleText(Messages.get("deploy.url.accessible"));
        // What the player plays: with viewer tokens, the address with its fresh token (until then, the plain one).
        url.textProperty().bind(Bindings.createStringBinding(() -> model.playing.get() != null && model.tokens.get()
                ? model.playing.get().toString() : model.url.get() == null ? "" : model.url.get().toString(), model.playing, model.url, model.tokens));
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button(Messages.get("play.copy"));
        copy.setOnAction(e -> Clipboards.copy(url.getText()));
        Button browser = new Button(Messages.get("play.openBrowser"));
        browser.setOnAction(e -> openInBrowser.accept(url.getText()));
        Button page = new Button(Messages.get("play.playerPage"));
        page.setOnAction(e -> openInBrowser.accept(
                ViewerUrls.playerPage(model.viewerBase.get(), model.streamId.get().trim()).toString()));
        for (Button b : new Button[] {copy, browser}) {
            b.disableProperty().bind(model.url.isNull());
        }
        // AMS's player page through CloudFront asks without a token: refused when viewers need one.
        page.disableProperty().bind(model.url.isNull().or(model.tokens));

        MediaView video = new MediaView();
        video.setId("play-video");
        video.mediaPlayerProperty().bind(model.player);
        video.setPreserveRatio(true);
        StackPane screen = new StackPane(video);
        screen.setId("play-screen");
        screen.getStyleClass().add("video-screen");
        screen.setMinHeight(180);
        screen.setPrefHeight(220);
        // Keep the picture's aspect ratio whatever the window's size.
        video.fitWidthProperty().bind(screen.widthProperty());
        video.fitHeightProperty().bind(screen.heightProperty());

        Button play = new Button(Messages.get("play.play"));
        play.setId("play-play");
        play.getStyleClass().add("accent");
        play.disableProperty().bind(model.url.isNull());
        play.setOnAction(e -> model.play());
        Button pause = new Button();
        pause.setId("play-pause");
        pause.textProperty().bind(model.paused.map(p -> Messages.get(p ? "play.play" : "play.pause")));
        pause.disableProperty().bind(model.player.isNull());
        pause.setOnAction(e -> model.togglePause());
        ToggleButton mute = new ToggleButton();
        mute.setId("play-mute");
        mute.selectedProperty().bindBidirectional(model.muted);
        mute.textProperty().bind(model.muted.map(m -> Messages.get(m ? "play.unmute" : "play.mute")));
        Slider volume = new Slider(0, 1, 0.8);
        volume.setId("play-volume");
        volume.valueProperty().bindBidirectional(model.volume);
        volume.setTooltip(new Tooltip(Messages.get("play.volume")));
        volume.setAccessibleText(Messages.get("play.volume"));
        Label state = new Label();
        state.setId("play-state");
        state.textProperty().bind(model.state);
        for (var b : new ButtonBase[] {play, pause, mute, copy, browser, page}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox controls = new HBox(8, play, pause, mute, volume);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("play-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problem);
        Label soundNotice = new Label();
        soundNotice.setId("play-sound-notice");
        soundNotice.setWrapText(true);
        soundNotice.textProperty().bind(model.soundNotice);
        Forms.showWhen(soundNotice, model.soundNotice.isNotEmpty());
        Label beforeDeployed = new Label();
        beforeDeployed.setId("play-before-deployed");
        beforeDeployed.getStyleClass().add("warning");
        beforeDeployed.setWrapText(true);
        beforeDeployed.textProperty().bind(model.beforeDeployed);
        Forms.showWhen(beforeDeployed, model.beforeDeployed.isNotEmpty());
        Label firstFrame = new Label();
        firstFrame.setId("play-first-frame");
        firstFrame.getStyleClass().add("text-muted");
        firstFrame.textProperty().bind(model.firstFrameMillis.map(ms -> ms.longValue() < 0 ? "" : Messages.get("play.firstFrame", ms)));

        Button checks = new Button(Messages.get("play.checks"));
        checks.setId("play-run-checks");
        checks.disableProperty().bind(model.url.isNull().or(model.checking));
        checks.setOnAction(e -> model.runChecks());
        Label checking = new Label(Messages.get("play.checks.running"));
        checking.visibleProperty().bind(model.checking);
        audiencePane = new TitledPane(Messages.get("audience.title"), new AudienceView(audience));
        audiencePane.setId("play-audience");
        // A TitledPane is at least as wide as its title; "Who is watching: about 20 viewers" would
        // then widen the side column past the window. The title is cut short instead.
        audiencePane.setMinWidth(0);
        audiencePane.setExpanded(false);
        // Opened at once: charts that slide in would be redrawn on every frame of the slide.
        audiencePane.setAnimated(false);
        audiencePane.textProperty().bind(audience.viewersShort.map(v -> v.isEmpty() ? Messages.get("audience.title")
                : Messages.get("audience.titleWith", v)));
        // CloudWatch is asked only while the panel is open and the step shown: GetMetricData is billed per metric read.
        this.audienceToggle = () -> {
            AudienceViewModel.Target t = audienceTarget.get();
            if (audiencePane.isExpanded() && showing && t != null) {
                audience.show(t);
            } else {
                audience.pause();
            }
        };
        audiencePane.expandedProperty().subscribe(this.audienceToggle);
        VBox access = checkColumn("play-checks-access", "play.checks.access", model.accessChecks);
        Forms.showWhen(access, model.tokens);
        TitledPane developer = developerPanel(model);
        Forms.showWhen(developer, model.tokens);
        // The audience panel above the check lists: the checks run by themselves and grow the column
        // when they land, which must not move the panel under the user's pointer.
        VBox checkPanel = new VBox(8, audiencePane, new HBox(10, checks, checking), access, developer,
                checkColumn("play-checks-cdn", "play.checks.cdn", model.cdnChecks),
                checkColumn("play-checks-origin", "play.checks.origin", model.originChecks));
        VBox player = new VBox(6,
                new HBox(12, Forms.field("play.streamId", streamId, "play.streamId.tip", null),
                        growing(new VBox(4, new Label(Messages.get("play.url")), url))),
                // On a line of their own, wrapping if need be: in longer languages they would squeeze the address.
                new FlowPane(8, 4, copy, browser, page),
                new StreamPicker("play-live", liveStreams, model.streamId),
                beforeDeployed, screen, controls, state, soundNotice, problem, firstFrame);

        // The checks beside the player: picture and verdict in sight together on a 1366x768 screen.
        view = Forms.widePage(Forms.heading("play.heading"), player, checkPanel, 420);
    }

    /**
     * How the user's site makes tokens, in three server languages, with this distribution's address and
     * stream filled in. Built when first opened: most plans never need it.
     */
    private static TitledPane developerPanel(PlayViewModel model) {
        VBox body = new VBox(8);
        TitledPane pane = new TitledPane(Messages.get("play.developer"), body);
        pane.setId("play-developer");
        pane.setMinWidth(0);
        pane.setMaxWidth(Double.MAX_VALUE);
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.expandedProperty().subscribe(open -> {
            if (open && body.getChildren().isEmpty()) {
                Label explained = new Label(Messages.get("play.developer.explained"));
                explained.setWrapText(true);
                body.getChildren().setAll(explained, snippets(model));
            }
        });
        return pane;
    }

    private static TabPane snippets(PlayViewModel model) {
        TabPane languages = new TabPane();
        languages.setId("play-developer-languages");
        languages.setMinWidth(0);
        languages.setMaxWidth(Double.MAX_VALUE);
        languages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (String[] language : new String[][] {{"js", "Node.js"}, {"php", "PHP"}, {"python", "Python"}}) {
            TextArea code = new TextArea();
            code.setEditable(false);
            code.getStyleClass().add("code");
            code.setPrefRowCount(12);
            // Within the side column: long lines scroll sideways instead of widening the page.
            code.setPrefColumnCount(20);
            code.setMinWidth(0);
            code.textProperty().bind(Bindings.createStringBinding(() -> TokenSnippets.of(language[0],
                    model.viewerBase.get() == null ? null : model.viewerBase.get().getAuthority(), model.streamId.get().trim()),
                    model.viewerBase, model.streamId));
            Button copy = new Button(Messages.get("play.developer.copy"));
            copy.setOnAction(e -> Clipboards.copy(code.getText()));
            VBox content = new VBox(6, code, copy);
            content.setId("play-developer-" + language[0]);
            Tab tab = new Tab(language[1], content);
            languages.getTabs().add(tab);
        }
        return languages;
    }

    private static Node growing(VBox box) {
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static VBox checkColumn(String id, String titleKey, ObservableList<Check> checks) {
        Label title = new Label(Messages.get(titleKey));
        title.getStyleClass().add("title-4");
        VBox column = new VBox(6, title, new CheckList(id + "-list", checks));
        column.setId(id);
        column.setMaxWidth(Double.MAX_VALUE);
        return column;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        showing = true;
        audienceToggle.run();
        if (model.url.get() != null && model.player.get() == null) {
            model.play();
            model.runChecksSoon();
        }
    }

    @Override
    public void hidden() {
        showing = false;
        audienceToggle.run();
        model.stop();
    }
}
