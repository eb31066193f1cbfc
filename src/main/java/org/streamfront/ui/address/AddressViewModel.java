package org.streamfront.ui.address;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.streamfront.Messages;
import org.streamfront.aws.AwsErrors;
import org.streamfront.address.AddressState;
import org.streamfront.address.DnsRecord;
import org.streamfront.address.HostNames;
import org.streamfront.address.OwnAddress;
import org.streamfront.address.Zones;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.ui.Jobs;

/**
 * The Own address step: a host name, where its DNS is (a Route 53 zone of this account, or a
 * provider the user types records into), then the run that asks for the certificate, waits for it
 * and adds the address, showing each record against public DNS. Opening the step for a distribution
 * whose address is under way goes on with it, as Deploy does after a restart.
 */
public final class AddressViewModel {
    /** The distribution the address is for. */
    public record Target(String id, String domain, String streamId) {
    }

    public final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    public final StringProperty host = new SimpleStringProperty("");
    /** The rule's message for the typed name (nothing while it is empty); bad input stays next to the field. */
    public final StringBinding hostError;
    /** What AWS said about the name (used elsewhere, no zone, a bare domain), next to the field too. */
    public final StringProperty refusal = new SimpleStringProperty();
    /** The Route 53 zone found for the name; null until looked up or when there is none. */
    public final ObjectProperty<Zones.Zone> zone = new SimpleObjectProperty<>();
    public final BooleanProperty lookedUp = new SimpleBooleanProperty();
    public final BooleanProperty useRoute53 = new SimpleBooleanProperty();
    public final ObjectProperty<AddressState> state = new SimpleObjectProperty<>();
    public final ObservableList<OwnAddress.RecordCheck> records = FXCollections.observableArrayList();
    public final StringProperty lastLine = new SimpleStringProperty("");
    /** What the checks found worth knowing, kept on screen (a certificate made in the wrong region). */
    public final StringProperty note = new SimpleStringProperty("");
    public final BooleanProperty running = new SimpleBooleanProperty();
    public final ObjectProperty<AwsErrors.Explained> error = new SimpleObjectProperty<>();
    /** Where viewers play the stream once the address is live. */
    public final ObjectProperty<URI> liveUrl = new SimpleObjectProperty<>();
    public final BooleanProperty deleteWhatWasMade = new SimpleBooleanProperty(true);
    public final BooleanBinding canAdd;

    private final Supplier<OwnAddress> service;
    private final Function<String, URI> viewerBase;
    private final Jobs jobs;
    private Jobs.Job job;

    /** {@code viewerBase} maps a host name to where this computer plays it (the practice edge, or https). */
    public AddressViewModel(Supplier<OwnAddress> service, Function<String, URI> viewerBase, Jobs jobs) {
        this.service = service;
        this.viewerBase = viewerBase;
        this.jobs = jobs;
        hostError = Bindings.createStringBinding(() -> host.get().isBlank() ? null
                : HostNames.problem(host.get()).or(() -> Optional.ofNullable(refusal.get())).orElse(null), host, refusal);
        host.subscribe(h -> {
            refusal.set(null);
            if (state.get() == null) {
                lookedUp.set(false);
                zone.set(null);
            }
        });
        canAdd = Bindings.createBooleanBinding(() -> target.get() != null && !running.get() && lookedUp.get()
                && hostError.get() == null && !host.get().isBlank()
                && (state.get() == null || state.get().phase() != AddressState.Phase.LIVE), target, running, lookedUp, hostError, host, state);
    }

    /** Shows a distribution: its saved address, going on with it when unfinished. */
    public void open(Target distribution) {
        cancel();
        target.set(distribution);
        state.set(null);
        records.clear();
        error.set(null);
        liveUrl.set(null);
        lastLine.set("");
        note.set("");
        if (distribution == null) {
            return;
        }
        running.set(true);
        jobs.run(() -> service.get().store().of(distribution.id()), saved -> {
            running.set(false);
            if (saved.isEmpty()) {
                return;
            }
            host.set(saved.get().host());
            state.set(saved.get());
            zone.set(saved.get().zone());
            useRoute53.set(saved.get().viaRoute53());
            lookedUp.set(true);
            if (saved.get().phase() == AddressState.Phase.LIVE) {
                showLive(saved.get());
                refreshRecords();
            } else {
                add();
            }
        }, this::failed);
    }

    /** Looks for a Route 53 zone for the name: with one, StreamFront offers to write the records there. */
    public void lookUp() {
        if (hostError.get() != null || host.get().isBlank()) {
            return;
        }
        String name = HostNames.normal(host.get());
        running.set(true);
        error.set(null);
        job = jobs.run(() -> service.get().zoneFor(name, this::line), found -> {
            running.set(false);
            zone.set(found.orElse(null));
            useRoute53.set(found.isPresent());
            lookedUp.set(true);
        }, this::failed);
    }

    /** Adds the address, or goes on with the one under way; the run can be cancelled and resumed later. */
    public void add() {
        Target t = target.get();
        if (t == null) {
            return;
        }
        String name = HostNames.normal(host.get());
        boolean route53 = useRoute53.get();
        running.set(true);
        error.set(null);
        refusal.set(null);
        OwnAddress.Listener listener = new OwnAddress.Listener() {
            @Override
            public void log(String message) {
                line(message);
            }

            @Override
            public void note(String text) {
                jobs.ui(() -> note.set(text));
            }

            @Override
            public void changed(AddressState now, List<OwnAddress.RecordCheck> checks) {
                jobs.ui(() -> {
                    state.set(now);
                    if (!checks.isEmpty() || now.phase() == AddressState.Phase.LIVE) {
                        records.setAll(checks);
                    }
                });
            }
        };
        job = jobs.run(() -> service.get().add(t.id(), name, route53, listener, null), done -> {
            running.set(false);
            state.set(done);
            showLive(done);
        }, this::failed);
    }

    private void showLive(AddressState live) {
        Target t = target.get();
        liveUrl.set(t == null || t.streamId().isBlank() ? null : ViewerUrls.production(live.host(), t.streamId()));
    }

    /** Where this computer plays the stream at the address (the practice edge, or the address itself). */
    public URI playBase() {
        return state.get() == null ? null : viewerBase.apply(state.get().host());
    }

    private void refreshRecords() {
        Target t = target.get();
        jobs.run(() -> service.get().status(t.id(), this::line), status -> status.ifPresent(s -> records.setAll(s.records())), e -> { });
    }

    /** Stops watching; everything done so far is saved, and opening the step again goes on. */
    public void cancel() {
        if (job != null) {
            job.cancel();
            job = null;
        }
        running.set(false);
    }

    /** Takes the address off the distribution and, if chosen, deletes the records and certificate StreamFront made. */
    public void remove() {
        Target t = target.get();
        if (t == null || state.get() == null) {
            return;
        }
        boolean keep = !deleteWhatWasMade.get();
        running.set(true);
        error.set(null);
        job = jobs.run(() -> {
            service.get().remove(t.id(), keep, this::line, null);
            return true;
        }, done -> {
            running.set(false);
            state.set(null);
            records.clear();
            liveUrl.set(null);
            lookedUp.set(false);
            line(Messages.get("address.removed", host.get()));
        }, this::failed);
    }

    /** Records the user still has to add at their DNS provider (none with Route 53). */
    public List<DnsRecord> recordsToAddByHand() {
        return records.stream().filter(r -> !r.present() && !r.writtenByStreamFront()).map(OwnAddress.RecordCheck::expected).toList();
    }

    private void line(String message) {
        jobs.ui(() -> lastLine.set(message));
    }

    private void failed(Throwable e) {
        running.set(false);
        if (e instanceof OwnAddress.AddressException refused) {
            if (state.get() == null) {
                refusal.set(refused.getMessage()); // about the name: shown next to the field
            } else {
                error.set(new AwsErrors.Explained(refused.getMessage(), Messages.get("address.refused.advice"), refused.getMessage(), null));
            }
            return;
        }
        if (e instanceof InterruptedException) {
            return;
        }
        error.set(AwsErrors.explain(e));
    }
}
