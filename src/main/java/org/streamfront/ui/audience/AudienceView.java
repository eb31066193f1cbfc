package org.streamfront.ui.audience;

import org.streamfront.Numbers;
import org.streamfront.ui.widgets.Windows;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.value.ObservableValue;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;
import org.streamfront.Messages;
import org.streamfront.audience.AudienceMetrics;
import org.streamfront.audience.Traffic;
import org.streamfront.aws.AwsErrors;
import org.streamfront.cost.CostEstimate;
import org.streamfront.cost.Prices;
import org.streamfront.ui.widgets.Clipboards;
import org.streamfront.ui.widgets.ErrorPanel;
import org.streamfront.ui.widgets.Forms;

/** The audience as charts: requests, estimated viewers and error rates over the window, with the words that explain them. */
public final class AudienceView extends VBox {
    public AudienceView(AudienceViewModel model) {
        super(8);
        setId("audience");
        setMinWidth(0);
        Label status = wrapped("audience-status", model.message);
        Label viewers = wrapped("audience-viewers", model.viewers);
        viewers.getStyleClass().add("title-4");
        Label hint = wrapped("audience-hint", model.hint);
        hint.getStyleClass().add("field-error");
        Label share = wrapped("audience-origin-share", model.originShare);
        share.getStyleClass().add("text-muted");

        double window = model.settings().window().toSeconds() / 60.0;
        XYChart.Series<Number, Number> requests = new XYChart.Series<>();
        requests.setName(Messages.get("audience.chart.requests"));
        XYChart.Series<Number, Number> estimated = new XYChart.Series<>();
        estimated.setName(Messages.get("audience.chart.viewers"));
        XYChart.Series<Number, Number> clientErrors = new XYChart.Series<>();
        clientErrors.setName("4xx %");
        XYChart.Series<Number, Number> serverErrors = new XYChart.Series<>();
        serverErrors.setName("5xx %");
        XYChart.Series<Number, Number> spikes = new XYChart.Series<>();
        spikes.setName(Messages.get("audience.chart.spike"));
        LineChart<Number, Number> requestsChart = chart("audience-requests-chart", "audience.chart.requestsTitle", window, List.of(requests));
        int period = model.settings().periodSeconds();
        requestsChart.setTitle(Messages.get("audience.chart.requestsTitle", period % 60 == 0
                ? Messages.get("audience.chart.minutes", period / 60) : Messages.get("audience.chart.seconds", period)));
        LineChart<Number, Number> viewersChart = chart("audience-viewers-chart", "audience.chart.viewersTitle", window, List.of(estimated));
        LineChart<Number, Number> errorsChart = chart("audience-errors-chart", "audience.chart.errorsTitle", window,
                List.of(clientErrors, serverErrors, spikes));
        errorsChart.setLegendVisible(true);

        Runnable draw = () -> {
            Traffic t = model.traffic.get();
            if (t == null) {
                return;
            }
            fill(requests, AudienceViewModel.minutesAgo(t.requests()));
            fill(estimated, AudienceViewModel.minutesAgo(t.viewerSeries(model.bitrate.get())));
            fill(clientErrors, AudienceViewModel.minutesAgo(t.clientErrorRate()));
            fill(serverErrors, AudienceViewModel.minutesAgo(t.serverErrorRate()));
            // A spike is marked where it happened: the period's point drawn again as its own series.
            fill(spikes, AudienceViewModel.minutesAgo(Stream.concat(t.clientErrorRate().stream(), t.serverErrorRate().stream())
                    .filter(p -> p.value() >= Traffic.SPIKE_PERCENT).toList()));
        };
        model.traffic.subscribe(t -> draw.run());
        model.bitrate.subscribe(b -> draw.run());
        VBox charts = new VBox(4, requestsChart, viewersChart, errorsChart);
        // No datapoints is not the same as zero viewers: without data the charts give way to the words.
        Forms.showWhen(charts, model.state.isEqualTo(AudienceViewModel.State.DATA));
        Forms.showWhen(viewers, model.viewers.isNotEmpty());
        Forms.showWhen(hint, model.hint.isNotEmpty());
        Forms.showWhen(share, model.originShare.isNotEmpty().and(model.state.isEqualTo(AudienceViewModel.State.DATA)));

        Button turnOn = new Button(Messages.get("audience.turnOnHitRate", Numbers.dollars(Prices.ADDITIONAL_METRICS_PER_MONTH)));
        Windows.deliberate(turnOn);
        turnOn.setWrapText(true);
        turnOn.setId("audience-turn-on-hit-rate");
        turnOn.setTooltip(Forms.tooltip("audience.turnOnHitRate.tip"));
        turnOn.disableProperty().bind(model.turningOn);
        turnOn.setOnAction(e -> model.turnOnHitRate());
        Forms.showWhen(turnOn, model.hitRateOffered.and(model.state.isEqualTo(AudienceViewModel.State.DATA)));

        Label policyLine = new Label("\"Action\": [\"" + AudienceMetrics.PERMISSION + "\"]");
        policyLine.setId("audience-policy-line");
        policyLine.getStyleClass().add("code");
        Forms.showWhen(policyLine, model.state.isEqualTo(AudienceViewModel.State.DENIED));
        ErrorPanel error = new ErrorPanel("audience-error");
        error.errorProperty().bind(model.error);
        Button copy = new Button(Messages.get("audience.copyPolicy"));
        copy.setId("audience-copy-policy");
        copy.setOnAction(e -> Clipboards.copy(AwsErrors.MINIMAL_POLICY));
        copy.visibleProperty().bind(model.state.isEqualTo(AudienceViewModel.State.DENIED));
        error.addAction(copy);

        Spinner<Integer> simulated = new Spinner<>(0, 200, 0, 10);
        simulated.setId("audience-simulated");
        simulated.setEditable(true);
        simulated.setPrefWidth(100);
        simulated.getValueFactory().valueProperty().subscribe(v -> model.simulated.set(v == null ? 0 : v));
        model.simulated.subscribe(n -> simulated.getValueFactory().setValue(n.intValue()));
        Label simulatedLabel = new Label(Messages.get("audience.simulated"));
        simulatedLabel.setWrapText(true);
        simulatedLabel.setLabelFor(simulated);
        VBox practice = new VBox(4, simulatedLabel, simulated);
        Forms.showWhen(practice, model.practice);

        getChildren().addAll(practice, status, viewers, hint, charts, share, turnOn, policyLine, error);
    }

    private static LineChart<Number, Number> chart(String id, String titleKey, double windowMinutes, List<XYChart.Series<Number, Number>> series) {
        NumberAxis time = new NumberAxis(-windowMinutes, 0, windowMinutes / 5);
        time.setLabel(Messages.get("audience.chart.minutesAgo"));
        NumberAxis values = new NumberAxis();
        values.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(time, values);
        chart.setId(id);
        chart.setTitle(Messages.get(titleKey));
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(false);
        chart.setPrefHeight(170);
        chart.setMinHeight(140);
        // The charts take the width they are given: in the Play step's side column they must not widen the page.
        chart.setMinWidth(0);
        chart.setPrefWidth(240);
        chart.getData().setAll(series);
        return chart;
    }

    private static void fill(XYChart.Series<Number, Number> series, List<double[]> points) {
        series.getData().setAll(points.stream().map(p -> new XYChart.Data<Number, Number>(p[0], p[1])).toList());
    }

    private static Label wrapped(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }
}
