package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.streamfront.sim.PracticeWorld;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real app on JavaFX's headless platform and drives it as a user would. */
public class AppDriver extends FxRobot {
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    StreamFrontApp app;

    StreamFrontApp start(Path home, boolean practice) throws Exception {
        return start(new AppOptions(practice, home, dialogs));
    }

    /** Practice mode on simulators the test keeps, so they outlive an app restart. */
    StreamFrontApp startPractice(Path home, PracticeWorld world) throws Exception {
        return start(new AppOptions(true, home, dialogs, world));
    }

    /** Practice mode that asks {@code feed} for newer releases after start. */
    StreamFrontApp startPractice(Path home, PracticeWorld world, URI feed) throws Exception {
        return start(new AppOptions(true, home, dialogs, world).withUpdateFeed(feed));
    }

    /** Real-AWS mode, with STS, CloudFront and IAM Identity Center served by simulators. */
    StreamFrontApp startReal(Path home, URI aws, URI sso) throws Exception {
        return start(new AppOptions(false, home, dialogs, null, aws, sso, null));
    }

    /** Real-AWS mode on the simulators of another process, as with the {@code practice} command: AWS, then its edge. */
    StreamFrontApp startReal(Path home, URI aws, URI sso, URI edge) throws Exception {
        return start(new AppOptions(false, home, dialogs, null, aws, sso, edge));
    }

    private StreamFrontApp start(AppOptions options) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (StreamFrontApp) FxToolkit.setupApplication(() -> new StreamFrontApp(options));
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /** Practice mode from the first screen to a deployed distribution, as a user clicks through it; returns its id. */
    String deployInPractice(Path home, PracticeWorld world) throws Exception {
        startPractice(home, world);
        await(10, () -> text("#account-identity").contains("1234-5678-9012"));
        click("#nav-next");
        await(5, () -> text("#origin-domain").equals("localhost"));
        for (int i = 0; i < 3; i++) {
            click("#nav-next");
        }
        await(10, () -> !this.<Button>node("#review-create").isDisabled());
        click("#review-create");
        await(20, () -> text("#deploy-status").startsWith("Deployed"));
        return text("#deploy-id");
    }

    /** Closes the window the way the user does: the app's stop() runs. */
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
        }
    }

    /**
     * Forgets the app without stopping it: its window goes, its stop() never runs. Not a kill (its
     * threads live on in this JVM); KilledWizardTest kills the wizard's own process for that.
     */
    void abandon() throws Exception {
        FxToolkit.cleanupStages();
        app = null;
    }

    <T extends Node> T node(String query) {
        return onFx(() -> lookup(query).query());
    }

    /** The text of a label or field; empty while the node is not there (yet). */
    String text(String query) {
        return onFx(() -> {
            var found = lookup(query).tryQuery();
            if (found.isEmpty()) {
                return "";
            }
            Node n = found.get();
            String text = n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
            return text == null ? "" : text;
        });
    }

    /**
     * Runs a look at the scene on the FX thread: walking the scene graph from the test thread
     * races with charts and lists that rebuild their children (seen as IndexOutOfBoundsException).
     */
    static <T> T onFx(Callable<T> look) {
        try {
            return javafx.application.Platform.isFxApplicationThread() ? look.call() : WaitForAsyncUtils.asyncFx(look).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a field's text by typing, as a user would. */
    void type(String query, String text) {
        TextInputControl field = appeared(query);
        // Clicked until it has the caret, as a person looks before typing: a click while the page still
        // moves (a section opening above the field) may land beside it.
        for (int clicks = 0; clicks < 3 && !onFx(field::isFocused); clicks++) {
            click(field);
        }
        assertThat(onFx(field::isFocused)).as(query + " has the caret after clicking it").isTrue();
        interact(field::selectAll);
        if (text.isEmpty()) {
            type(KeyCode.BACK_SPACE);
        } else {
            write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks a node as a person does: scrolled to, pointed at, and pointed at again if the page moved
     * it while the pointer travelled (a list filled in above it), so the press lands on it.
     */
    void click(String query) {
        click(appeared(query));
    }

    /** Pointed at until it stays put under the pointer for a frame (a section opening moves what is below it), then pressed. */
    private void click(Node target) {
        reveal(target);
        moveTo(target);
        for (int aims = 1; aims < 10 && !(underPointer(target) && stillAfterAFrame(target)); aims++) {
            moveTo(target);
        }
        clickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether the node is where it was after the next frame was laid out (an animation moves it between frames). */
    private boolean stillAfterAFrame(Node target) {
        Bounds before = onFx(() -> target.localToScreen(target.getBoundsInLocal()));
        CompletableFuture<Bounds> after = new CompletableFuture<>();
        Platform.runLater(() -> {
            Scene scene = target.getScene();
            if (scene == null) {
                after.complete(null);
                return;
            }
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                after.complete(target.localToScreen(target.getBoundsInLocal()));
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
        try {
            return before != null && before.equals(after.get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("no frame was laid out within 5 s", e);
        }
    }

    /** The node, once the app has shown it: a user waits for what comes after the first layout (a restored draft's banner). */
    private <T extends Node> T appeared(String query) {
        try {
            await(10, () -> onFx(() -> lookup(query).tryQuery().isPresent()));
        } catch (Exception e) {
            throw new AssertionError("nothing matching " + query + " appeared within 10 s", e);
        }
        return node(query);
    }

    private boolean underPointer(Node target) {
        javafx.geometry.Point2D pointer = robotContext().getBaseRobot().retrieveMouse();
        return onFx(() -> {
            var onScreen = target.localToScreen(target.getBoundsInLocal());
            return onScreen != null && onScreen.contains(pointer);
        });
    }

    /** Scrolls the step so the node is on screen, as a user would before clicking it. */
    void reveal(Node target) {
        interact(() -> {
            for (Node n = target.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane pane) {
                    var content = pane.getContent().getLayoutBounds();
                    var viewport = pane.getViewportBounds();
                    double y = pane.getContent().sceneToLocal(target.localToScene(target.getLayoutBounds())).getMinY();
                    double top = -viewport.getMinY();
                    double height = target.getLayoutBounds().getHeight();
                    if (y < top || y + height > top + viewport.getHeight()) {
                        double scrollable = content.getHeight() - viewport.getHeight();
                        if (scrollable > 0) {
                            pane.setVvalue(Math.max(0, Math.min(1, (y - 20) / scrollable)));
                        }
                    }
                    pane.layout();
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void await(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
