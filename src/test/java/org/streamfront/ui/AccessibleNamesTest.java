package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.ui.wizard.Step;

/**
 * What a screen reader can say: every control that takes the focus, on every step and in every
 * window, has a name (its own text, an accessible text, or a label that names it).
 */
class AccessibleNamesTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    @Test
    void everyFocusableControlHasAName() throws Exception {
        List<String> unnamed = new ArrayList<>();
        user.startPractice(home, world);
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
        for (Step step : new Step[] {Step.ACCOUNT, Step.ORIGIN, Step.CACHE, Step.ERROR_PAGES, Step.REVIEW}) {
            AppDriver.await(5, () -> user.app.root().wizard().current().get() == step);
            unnamed.addAll(unnamedInEveryWindow(step.name()));
            if (step != Step.REVIEW) {
                user.click("#nav-next");
            }
        }
        AppDriver.await(10, () -> !user.<Button>node("#review-create").isDisabled());
        user.click("#review-create");
        AppDriver.await(20, () -> user.text("#deploy-status").startsWith("Deployed"));
        unnamed.addAll(unnamedInEveryWindow("DEPLOY"));
        user.click("#nav-next");
        AppDriver.await(10, () -> !user.text("#play-state").isBlank());
        unnamed.addAll(unnamedInEveryWindow("PLAY"));
        user.click("#nav-next");
        unnamed.addAll(unnamedInEveryWindow("ADDRESS"));

        user.click("#toolbar-settings");
        unnamed.addAll(unnamedInEveryWindow("Settings"));
        user.click("#settings-close");
        user.click("#toolbar-mine");
        AppDriver.await(10, () -> !user.<TableView<?>>node("#mine-table").getItems().isEmpty());
        user.interact(() -> user.<TableView<?>>node("#mine-table").getSelectionModel().select(0));
        unnamed.addAll(unnamedInEveryWindow("My distributions"));
        user.click("#mine-audience");
        unnamed.addAll(unnamedInEveryWindow("Audience"));

        assertThat(unnamed).as("focusable controls a screen reader could not name").isEmpty();
    }

    private static List<String> unnamedInEveryWindow(String where) {
        return AppDriver.onFx(() -> {
            List<String> found = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    collect(w.getScene().getRoot(), w.getScene(), where, found);
                }
            }
            return found;
        });
    }

    private static void collect(Node node, Scene scene, String where, List<String> found) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        // An editable spinner's own text field: the screen reader reads the spinner, named by its label.
        boolean skinPart = node.getClass().getSimpleName().equals("FakeFocusTextField");
        if (node.isFocusTraversable() && !skinPart && !named(node, scene)) {
            found.add(where + ": " + node);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, scene, where, found));
        }
    }

    private static boolean named(Node node, Scene scene) {
        if (present(node.getAccessibleText()) || node instanceof Labeled l && present(l.getText())) {
            return true;
        }
        return scene.getRoot().lookupAll(".label").stream()
                .anyMatch(n -> n instanceof Label label && label.getLabelFor() == node && present(label.getText()));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
