package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's own text colours, in light and in dark, are readable on what they are drawn on:
 * contrast of at least 4.5:1 (WCAG AA for text), computed from the colours the theme gives them.
 */
class ThemeContrastTest {
    /** The style classes of StreamFront's coloured text, each on the page background. */
    private static final List<String> ON_PAGE = List.of("mark-green", "mark-amber", "mark-red", "success", "warning",
            "field-error", "nav-blocker", "notice", "text-muted");

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void everyColouredTextIsReadableInBothThemes(String colours) throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> unreadable = WaitForAsyncUtils.asyncFx(() -> {
            Theme.follow(new SimpleStringProperty(colours));
            VBox page = new VBox();
            page.getStyleClass().add("step-page");
            Map<String, Label> labels = new java.util.LinkedHashMap<>();
            for (String styleClass : ON_PAGE) {
                Label l = new Label(styleClass);
                l.getStyleClass().add(styleClass);
                labels.put(styleClass, l);
                page.getChildren().add(l);
            }
            Label prose = new Label("prose");
            prose.getStyleClass().add("prose");
            labels.put("step-page .prose", prose);
            Label badge = new Label("badge");
            badge.getStyleClass().add("practice-badge");
            Label current = new Label("2");
            current.getStyleClass().add("step-number");
            StackPane currentChip = new StackPane(current);
            currentChip.getStyleClass().addAll("button", "step-chip");
            currentChip.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), true);
            Label done = new Label("1");
            done.getStyleClass().add("step-number");
            StackPane doneChip = new StackPane(done);
            doneChip.getStyleClass().addAll("button", "step-chip");
            doneChip.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("done"), true);
            page.getChildren().addAll(prose, badge, currentChip, doneChip);
            Scene scene = new Scene(page, 400, 600);
            scene.getStylesheets().add(StreamFrontApp.class.getResource("app.css").toExternalForm());
            page.applyCss();
            page.layout();

            Color pageBackground = fill(page);
            List<String> low = new ArrayList<>();
            labels.forEach((name, label) -> check(low, name, (Color) label.getTextFill(), pageBackground));
            check(low, "practice-badge", (Color) badge.getTextFill(), over(fill(badge), pageBackground));
            check(low, "step-number:current", (Color) current.getTextFill(), over(fill(current), pageBackground));
            check(low, "step-number:done", (Color) done.getTextFill(), over(fill(done), pageBackground));
            return low;
        }).get();
        assertThat(unreadable).as(colours + ": text below 4.5:1").isEmpty();
    }

    private static void check(List<String> low, String name, Color text, Color background) {
        double ratio = contrast(text, background);
        if (ratio < 4.5) {
            low.add(String.format("%s: %.2f:1 (%s on %s)", name, ratio, text, background));
        }
    }

    /** The topmost solid fill of the node's background. */
    private static Color fill(Region region) {
        Background b = region.getBackground();
        assertThat(b).as(region + " has a background").isNotNull();
        return (Color) b.getFills().getLast().getFill();
    }

    /** A see-through colour as it shows on {@code below}. */
    private static Color over(Color top, Color below) {
        return below.interpolate(Color.color(top.getRed(), top.getGreen(), top.getBlue()), top.getOpacity());
    }

    /** WCAG 2 contrast ratio of two colours (the text's alpha blended onto the background). */
    static double contrast(Color text, Color background) {
        Color blended = over(text, background);
        double a = luminance(blended);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
