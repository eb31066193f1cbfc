package org.streamfront.ui.review;

import java.util.Locale;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.streamfront.cost.CostEstimate;
import org.streamfront.cost.Prices;
import org.streamfront.origin.OriginCheck;
import org.streamfront.ui.widgets.Forms;
import org.streamfront.ui.wizard.PlanForm;

/**
 * The cost estimate on Review: the audience the user expects, the stream's bitrate (measured by the
 * server check, or typed), and the month it adds up to for the plan's price class.
 */
public final class EstimateViewModel {
    /** The stream as estimated, the result for the chosen region, and the same audience in every region for the chart. */
    public record Figures(CostEstimate.Stream stream, CostEstimate.Result chosen, List<CostEstimate.Result> byRegion) {
    }

    final ObjectProperty<Integer> viewers = new SimpleObjectProperty<>(100);
    final StringProperty hours = new SimpleStringProperty("2");
    final ObjectProperty<Integer> events = new SimpleObjectProperty<>(4);
    final ObjectProperty<Prices.Region> region = new SimpleObjectProperty<>(Prices.Region.NORTH_AMERICA);
    final StringProperty bitrate = new SimpleStringProperty("");
    final ObjectProperty<OriginCheck.Rendition> rendition = new SimpleObjectProperty<>();

    final StringBinding viewersError;
    final StringBinding hoursError;
    final StringBinding eventsError;
    final StringBinding bitrateError;
    final ObjectBinding<Optional<Figures>> figures;
    private final PlanForm form;

    public EstimateViewModel(PlanForm form) {
        this.form = form;
        viewersError = Forms.error(viewers, CostEstimate::viewersProblem);
        hoursError = Forms.error(hours, h -> CostEstimate.hoursProblem(CostEstimate.parseNumber(h)));
        eventsError = Forms.error(events, CostEstimate::eventsProblem);
        bitrateError = Forms.error(bitrate, b -> CostEstimate.bitrateProblem(CostEstimate.parseNumber(b)));
        // A measured rendition fills in the bitrate; the user may still type another.
        rendition.subscribe(r -> {
            if (r != null && r.measuredBps() > 0) {
                bitrate.set(String.format(java.util.Locale.ROOT, "%.2f", r.measuredBps() / 1_000_000.0));
            }
        });
        form.measuredRenditions.subscribe(() -> rendition.set(OriginCheck.highest(form.measuredRenditions).orElse(null)));
        rendition.set(OriginCheck.highest(form.measuredRenditions).orElse(null));
        figures = Bindings.createObjectBinding(this::compute, viewers, hours, events, region, bitrate, form.plan(),
                form.measuredRenditions);
    }

    private Optional<Figures> compute() {
        if (viewersError.get() != null || hoursError.get() != null || eventsError.get() != null || bitrateError.get() != null) {
            return Optional.empty();
        }
        long bps = Math.round(CostEstimate.parseNumber(bitrate.get()) * 1_000_000);
        var stream = CostEstimate.stream(form.plan().get(), bps, OriginCheck.segmentSeconds(form.measuredRenditions));
        var audience = new CostEstimate.Audience(viewers.get(), CostEstimate.parseNumber(hours.get()), events.get(), region.get());
        return Optional.of(new Figures(stream, CostEstimate.of(stream, audience), CostEstimate.byRegion(stream, audience)));
    }

    boolean measured() {
        return rendition.get() != null;
    }

    PlanForm form() {
        return form;
    }
}
