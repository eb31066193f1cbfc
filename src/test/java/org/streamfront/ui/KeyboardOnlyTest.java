package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.MessagesConsistencyTest;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.ui.wizard.Step;
import org.testfx.util.WaitForAsyncUtils;

/** The practice flow from Account to Play with the keyboard alone: no click anywhere. */
class KeyboardOnlyTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(3));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    private Step current() {
        return user.app.root().wizard().current().get();
    }

    private Node focused() {
        // The newest window shown is the one keys go to.
        return AppDriver.onFx(() -> Window.getWindows().stream().filter(Window::isShowing).reduce((a, b) -> b)
                .orElseThrow().getScene().getFocusOwner());
    }

    private String focusedId() {
        Node n = focused();
        return n == null ? "" : String.valueOf(n.getId());
    }

    private void press(KeyCode... keys) {
        user.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Tabs (or Shift+Tabs) until the node with {@code id} has the focus, as a user would look for it. */
    private void tabTo(String id, boolean backwards) {
        for (int i = 0; i < 60 && !focusedId().equals(id); i++) {
            press(backwards ? new KeyCode[] {KeyCode.SHIFT, KeyCode.TAB} : new KeyCode[] {KeyCode.TAB});
        }
        assertThat(focusedId()).as("reached with Tab").isEqualTo(id);
    }

    private static int windows() {
        return AppDriver.onFx(() -> (int) Window.getWindows().stream().filter(Window::isShowing).count());
    }

    /** The messages of each step's Alt+letters, gathered on the way through the flow. */
    private final Map<Step, List<String>> altLetterMessages = new EnumMap<>(Step.class);

    /**
     * Each Alt+letter of the main window belongs to one control, shown or not: with two, JavaFX moves
     * the focus between them and presses neither (Alt+N did nothing on the Deploy step). The English
     * window is walked; the messages behind its letters are then checked in every language.
     */
    private void gatherAltLetters() throws Exception {
        Properties english = MessagesConsistencyTest.read("messages.properties");
        // Each letter's control: its text and id (a label's letter is registered on the field it names).
        List<String[]> named = AppDriver.onFx(() -> {
            Scene scene = user.app.root().view().getScene();
            List<Label> labels = scene.getRoot().lookupAll(".label").stream()
                    .filter(n -> n instanceof Label l && l.getLabelFor() != null).map(Label.class::cast).toList();
            return scene.getMnemonics().values().stream().flatMap(List::stream).map(m -> m.getNode() instanceof Labeled l
                    ? l : labels.stream().filter(l -> l.getLabelFor() == m.getNode()).findFirst().orElseThrow())
                    .map(l -> new String[] {l.getText(), String.valueOf(l.getId()).replace('-', '.')}).toList();
        });
        List<String> keys = new ArrayList<>();
        for (String[] control : named) {
            // The message reading that text; where several do, the one named like the control.
            List<String> reading = english.stringPropertyNames().stream().filter(k -> english.getProperty(k).equals(control[0])).sorted().toList();
            assertThat(reading).as("a message reads \"" + control[0] + "\"").isNotEmpty();
            keys.add(reading.contains(control[1]) ? control[1] : reading.getFirst());
        }
        altLetterMessages.put(current(), keys);
    }

    private void eachAltLetterOnceInEveryLanguage() throws Exception {
        List<String> twice = new ArrayList<>();
        for (String file : MessagesConsistencyTest.allLanguages()) {
            Properties messages = MessagesConsistencyTest.read(file);
            altLetterMessages.forEach((step, keys) -> {
                Map<String, List<String>> byLetter = new TreeMap<>();
                for (String key : keys) {
                    String letter = MessagesConsistencyTest.mnemonic(messages.getProperty(key));
                    if (letter != null) { // a translation may give a control no letter: it is reached with Tab
                        byLetter.computeIfAbsent(letter, l -> new ArrayList<>()).add(key);
                    }
                }
                byLetter.forEach((letter, used) -> {
                    if (used.size() > 1) {
                        twice.add(file + ", " + step + " step: Alt+" + letter + " " + used);
                    }
                });
            });
        }
        assertThat(twice).as("Alt+letters used twice").isEmpty();
    }

    @Test
    void theWholePracticeFlowWithKeysOnly() throws Exception {
        user.startPractice(home, world);
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
        AppDriver.await(5, () -> focused() != null);
        assertThat(focusedId()).as("the first focus is on the step, not the toolbar").doesNotStartWith("toolbar-");

        gatherAltLetters();
        press(KeyCode.ENTER);
        assertThat(current()).as("Enter on the first screen moves on").isEqualTo(Step.ORIGIN);
        assertThat(windows()).as("and opens no other window").isEqualTo(1);
        AppDriver.await(5, () -> user.text("#origin-domain").equals("localhost"));
        assertThat(focused()).as("the step's first field has the focus").isInstanceOf(TextInputControl.class);

        // The step header is reachable too: back to Account with Shift+Tab and Space, and on again with Enter.
        tabTo("step-account", true);
        press(KeyCode.SPACE);
        assertThat(current()).isEqualTo(Step.ACCOUNT);
        press(KeyCode.ENTER);
        assertThat(current()).isEqualTo(Step.ORIGIN);

        for (Step next : new Step[] {Step.CACHE, Step.ERROR_PAGES, Step.REVIEW}) {
            String on = String.valueOf(focused());
            gatherAltLetters();
            press(KeyCode.ENTER);
            assertThat(current()).as("Enter with the focus on " + on).isEqualTo(next);
        }
        AppDriver.await(10, () -> !user.<Button>node("#review-create").isDisabled());
        gatherAltLetters();
        press(KeyCode.ENTER);
        assertThat(current()).as("Enter never creates a distribution").isEqualTo(Step.REVIEW);
        tabTo("review-create", false);
        press(KeyCode.ENTER);
        assertThat(world.api.distributionCount()).as("not even with Create focused").isZero();

        press(KeyCode.SPACE); // the deliberate press of Create itself
        AppDriver.await(10, () -> current() == Step.DEPLOY);
        AppDriver.await(30, () -> !user.<Button>node("#nav-next").isDisabled());
        gatherAltLetters();
        press(KeyCode.ALT, KeyCode.N);
        assertThat(current()).as("Alt+N, as the Next button shows").isEqualTo(Step.PLAY);
        gatherAltLetters();
        assertThat(world.api.distributionCount()).isEqualTo(1);

        // Secondary windows open from the keyboard and close with Escape.
        tabTo("toolbar-mine", true);
        press(KeyCode.SPACE);
        AppDriver.await(5, () -> windows() == 2);
        press(KeyCode.ESCAPE);
        AppDriver.await(5, () -> windows() == 1);
        tabTo("toolbar-settings", false);
        press(KeyCode.SPACE);
        AppDriver.await(5, () -> windows() == 2);
        assertThat(focusedId()).startsWith("settings-");
        press(KeyCode.ESCAPE);
        AppDriver.await(5, () -> windows() == 1);
        eachAltLetterOnceInEveryLanguage();
    }
}
