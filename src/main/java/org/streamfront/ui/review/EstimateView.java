package org.streamfront.ui.review;

import org.streamfront.Numbers;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.streamfront.Messages;
import org.streamfront.cost.CostEstimate;
import org.streamfront.cost.Prices;
import org.streamfront.origin.OriginCheck;
import org.streamfront.ui.widgets.Forms;

/** "What it may cost": the audience in, the month out, and the same month region by region as bars. */
final class EstimateView {
    private EstimateView() {
    }

    static TitledPane of(EstimateViewModel model) {
        TextField viewers = Forms.numberField("estimate-viewers", model.viewers, 8);
        TextField hours = Forms.textField("estimate-hours", model.hours);
        hours.setPrefColumnCount(5);
        TextField events = Forms.numberField("estimate-events", model.events, 3);
        events.setPrefColumnCount(4);
        ComboBox<Prices.Region> region = new ComboBox<>(FXCollections.observableArrayList(Prices.Region.values()));
        region.setId("estimate-region");
        region.valueProperty().bindBidirectional(model.region);
        region.setConverter(converter(r -> r.shortName()));
        region.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Prices.Region r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.shortName() + " \u2014 " + r.places());
            }
        });
        ComboBox<OriginCheck.Rendition> rendition = new ComboBox<>(model.form().measuredRenditions);
        rendition.setId("estimate-rendition");
        rendition.valueProperty().bindBidirectional(model.rendition);
        rendition.setConverter(converter(r -> Messages.get("estimate.renditionItem", r.name(),
                String.format(Locale.ROOT, "%.2f", r.measuredBps() / 1_000_000.0))));
        TextField bitrate = Forms.textField("estimate-bitrate", model.bitrate);
        bitrate.setPrefColumnCount(5);

        Node renditionField = Forms.field("estimate.rendition", rendition, "estimate.rendition.tip", null);
        Forms.showWhen(renditionField, javafx.beans.binding.Bindings.isNotEmpty(model.form().measuredRenditions));
        FlowPane fields = new FlowPane(16, 10,
                Forms.field("estimate.viewers", viewers, "estimate.viewers.tip", model.viewersError),
                Forms.field("estimate.hours", hours, "estimate.hours.tip", model.hoursError),
                Forms.field("estimate.events", events, "estimate.events.tip", model.eventsError),
                Forms.field("estimate.region", region, "estimate.region.tip", null),
                renditionField,
                Forms.field("estimate.bitrate", bitrate, "estimate.bitrate.tip", model.bitrateError));
        fields.getChildren().forEach(n -> ((VBox) n).setPrefWidth(n == fields.getChildren().get(3) ? 200 : 150));

        Label total = new Label();
        total.setId("estimate-total");
        total.getStyleClass().add("title-4");
        Label perViewerHour = new Label();
        perViewerHour.setId("estimate-per-viewer-hour");
        VBox breakdown = new VBox(2);
        breakdown.setId("estimate-breakdown");

        // Bars lie down so the region names read across, as in a price list.
        CategoryAxis regions = new CategoryAxis();
        NumberAxis dollars = new NumberAxis();
        dollars.setLabel(Messages.get("estimate.chart.axis"));
        dollars.setForceZeroInRange(true);
        BarChart<Number, String> chart = new BarChart<>(dollars, regions);
        chart.setId("estimate-chart");
        chart.setTitle(Messages.get("estimate.chart.title"));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        chart.setMinHeight(240);
        chart.setMinWidth(0);
        chart.setCategoryGap(6);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        chart.getData().add(series);

        TitledPane pane = new TitledPane();
        pane.setId("review-estimate");
        model.figures.subscribe(f -> {
            if (f.isEmpty()) {
                total.setText(Messages.get("estimate.incomplete"));
                perViewerHour.setText("");
                breakdown.getChildren().clear();
                series.getData().clear();
                pane.setText(Messages.get("estimate.title"));
                return;
            }
            CostEstimate.Result r = f.get().chosen();
            total.setText(Messages.get("estimate.total", Numbers.dollars(r.total())));
            perViewerHour.setText(Messages.get("estimate.perViewerHour", Numbers.dollars(r.perViewerHour()),
                    Numbers.whole(r.viewerHours())));
            breakdown.getChildren().setAll(lines(f.get(), model));
            List<XYChart.Data<Number, String>> bars = new ArrayList<>();
            List<CostEstimate.Result> all = f.get().byRegion();
            for (int i = 0; i < all.size(); i++) {
                Prices.Region place = Prices.Region.values()[i];
                // The region the audience is in is marked, so the bar to look at is found at a glance.
                String name = place == model.region.get() ? "\u25B6 " + place.shortName() : place.shortName();
                bars.add(new XYChart.Data<>(Math.round(all.get(i).total() * 100) / 100.0, name));
            }
            // The first region on top, as in the menu.
            java.util.Collections.reverse(bars);
            series.getData().setAll(bars);
            pane.setText(Messages.get("estimate.titleWith", Numbers.dollars(r.total())));
        });

        Label note = Forms.prose("estimate.note", Prices.AS_OF.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)),
                Prices.SOURCE, Prices.BILL);
        note.setId("estimate-note");
        note.getStyleClass().add("text-muted");
        VBox content = new VBox(10, Forms.prose("estimate.intro"), fields, total, perViewerHour, breakdown, chart, note);
        pane.setContent(content);
        pane.setExpanded(false);
        return pane;
    }

    private static List<Node> lines(EstimateViewModel.Figures f, EstimateViewModel model) {
        CostEstimate.Result r = f.chosen();
        List<Node> lines = new ArrayList<>();
        lines.add(line(Messages.get("estimate.line.data", Numbers.whole(r.gigabytes()),
                Numbers.dollars(r.dataTransfer()), r.billedIn().shortName())));
        lines.add(line(Messages.get("estimate.line.requests", Numbers.decimals(r.requests() / 1e6, 1),
                Numbers.dollars(r.requestCost()), f.stream().segmentSeconds())));
        if (r.shieldRequests() > 0) {
            lines.add(line(Messages.get("estimate.line.shield", Numbers.whole(r.shieldRequests()),
                    Numbers.dollars(r.shieldCost()))));
        }
        if (r.billedIn() != model.region.get()) {
            lines.add(line(Messages.get("estimate.line.outsideClass", model.region.get().shortName(), r.billedIn().shortName())));
        }
        if (!model.measured()) {
            lines.add(line(Messages.get("estimate.line.typed")));
        }
        return lines;
    }

    private static Label line(String text) {
        Label l = new Label("\u2022 " + text);
        l.setWrapText(true);
        return l;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
