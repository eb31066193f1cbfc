package org.streamfront.ui.play;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import org.streamfront.Messages;
import org.streamfront.access.ViewerToken;
import org.streamfront.origin.Check;
import org.streamfront.plan.Plan;
import org.streamfront.origin.HttpGet;
import org.streamfront.playback.AccessProof;
import org.streamfront.playback.PlaybackRelay;
import org.streamfront.playback.PlaybackProblems;
import org.streamfront.playback.PlayerWatchdog;
import org.streamfront.playback.StreamCheck;
import org.streamfront.playback.ViewerProbe;
import org.streamfront.playback.ViewerUrls;
import org.streamfront.ui.Background;

/**
 * The Play step: plays the stream through the CDN in an embedded player, watches that it really
 * advances, reconnects with backoff when it stops, and runs the CDN checks beside it.
 */
public final class PlayViewModel {
    private static final Logger LOG = Logger.getLogger(PlayViewModel.class.getName());
    final StringProperty streamId;
    final ObjectProperty<URI> viewerBase = new SimpleObjectProperty<>();
    final ObjectBinding<URI> url;
    final ObjectProperty<MediaPlayer> player = new SimpleObjectProperty<>();
    final StringProperty state = new SimpleStringProperty(Messages.get("play.state.idle"));
    final StringProperty problem = new SimpleStringProperty();
    /** Set once this computer turned out to have no sound output: the picture plays alone, and this says so. */
    final StringProperty soundNotice = new SimpleStringProperty("");
    final LongProperty firstFrameMillis = new SimpleLongProperty(-1);
    final BooleanProperty muted = new SimpleBooleanProperty(false);
    final DoubleProperty volume = new SimpleDoubleProperty(0.8);
    final BooleanProperty paused = new SimpleBooleanProperty(false);
    final BooleanProperty checking = new SimpleBooleanProperty(false);
    final ObservableList<Check> cdnChecks = FXCollections.observableArrayList();
    final ObservableList<Check> originChecks = FXCollections.observableArrayList();
    /** With viewer tokens: the proof that the edge refuses viewers without one and shares one copy among those with one. */
    final ObservableList<Check> accessChecks = FXCollections.observableArrayList();
    /** The address the player plays: with viewer tokens, with a fresh token in its path. */
    final ObjectProperty<URI> playing = new SimpleObjectProperty<>();
    final BooleanProperty tokens = new SimpleBooleanProperty(false);
    /** Playing before CloudFront says Deployed: what that means (empty once Deployed). */
    final StringProperty beforeDeployed = new SimpleStringProperty("");

    private final Supplier<Plan> plan;
    private final ViewerProbe probe = new ViewerProbe();
    private final PlayerWatchdog watchdog = new PlayerWatchdog(Duration.ofSeconds(6));
    private final Timeline sampler;
    private PauseTransition pendingRetry;
    private int attempt;
    private long playRequestedNanos;
    private int generation;
    private boolean withoutSound;
    private PlaybackRelay relay;

    /** Where the app keeps each plan's viewer-token secret (none: tokens cannot be made here). */
    private final Function<String, Optional<String>> secrets;

    public PlayViewModel(StringProperty streamId, Supplier<Plan> plan) {
        this(streamId, plan, planId -> Optional.empty());
    }

    /** {@code secrets}: a plan's viewer-token secret by plan id, read off the FX thread. */
    public PlayViewModel(StringProperty streamId, Supplier<Plan> plan, Function<String, Optional<String>> secrets) {
        this.streamId = streamId;
        this.plan = plan;
        this.secrets = secrets;
        url = Bindings.createObjectBinding(() -> viewerBase.get() == null || streamId.get().isBlank() ? null
                : ViewerUrls.playlist(viewerBase.get(), streamId.get().trim()), viewerBase, streamId);
        sampler = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> sample()));
        sampler.setCycleCount(Timeline.INDEFINITE);
        muted.subscribe(m -> { if (player.get() != null) { player.get().setMute(m); } });
        volume.subscribe(v -> { if (player.get() != null) { player.get().setVolume(v.doubleValue()); } });
    }

    public ObjectProperty<URI> viewerBase() {
        return viewerBase;
    }

    public StringProperty beforeDeployed() {
        return beforeDeployed;
    }

    /**
     * The checks, by themselves, once the step opens: after the first picture (so they do not compete
     * with it for the network) or after {@link #CHECKS_AFTER} without one, whichever comes first.
     */
    public void runChecksSoon() {
        if (pendingChecks != null) {
            pendingChecks.stop();
        }
        pendingChecks = new PauseTransition(CHECKS_AFTER);
        pendingChecks.setOnFinished(e -> runChecksOnce());
        pendingChecks.play();
    }

    private static final javafx.util.Duration CHECKS_AFTER = javafx.util.Duration.seconds(3);
    private PauseTransition pendingChecks;

    private void runChecksOnce() {
        if (pendingChecks != null) {
            pendingChecks.stop();
            pendingChecks = null;
            runChecks();
        }
    }

    /** Starts (or restarts) playing: probe first, so a stream that is not there gets a message, not a black box. */
    public void play() {
        stop();
        attempt = 0;
        firstFrameMillis.set(-1);
        playRequestedNanos = System.nanoTime();
        connect();
    }

    private void connect() {
        if (url.get() == null) {
            return;
        }
        int mine = ++generation;
        state.set(Messages.get("play.state.CONNECTING"));
        Plan p = plan.get();
        URI base = viewerBase.get();
        String stream = streamId.get().trim();
        tokens.set(p.access().tokens());
        Background.run(() -> {
            // With viewer tokens the player gets a fresh one in the path, which every relative address it resolves keeps.
            String token = p.access().tokens() ? freshToken(p, stream) : null;
            URI plain = token == null ? ViewerUrls.playlist(base, stream) : ViewerUrls.withToken(base, token, stream);
            URI adaptive = token == null ? ViewerUrls.adaptive(base, stream) : plain.resolve(stream + "_adaptive.m3u8");
            Platform.runLater(() -> playing.set(plain));
            // AMS Enterprise's adaptive playlist is preferred, as AMS's own player does; both are
            // asked at once so the fallback costs no extra round trip.
            var adaptiveAnswer = new CompletableFuture<HttpGet.Answer>();
            Thread.ofVirtual().start(() -> adaptiveAnswer.complete(probe.answer(adaptive)));
            PlaybackRelay relay = relay(); // started meanwhile: the first play does not wait for it after the answers
            relay.startOver();
            HttpGet.Answer plainAnswer = probe.answer(plain);
            HttpGet.Answer master = adaptiveAnswer.get();
            URI media = master.status() == 200 ? ViewerProbe.mediaPlaylist(adaptive, master) : plain;
            if (media.equals(plain)) {
                relay.prime(plain, plainAnswer); // read already: the player's first ask needs no second trip
            }
            return new Probed(media, master.status() == 200 ? 200 : plainAnswer.status());
        }, result -> {
            if (mine != generation) {
                return;
            }
            int status = result.status();
            String why = PlaybackProblems.fromProbe(status, p.origin().application(), streamId.get().trim());
            if (why != null) {
                problem.set(why);
                retryLater();
                return;
            }
            problem.set(null);
            startPlayer(result.playlist());
        }, failure -> {
            if (failure instanceof NoSecretHere) {
                problem.set(failure.getMessage());
                state.set(Messages.get("play.state.idle"));
                return;
            }
            retryLater();
        });
    }

    /** A plan with tokens whose secret this computer does not keep: nothing to play with, and said so. */
    private static final class NoSecretHere extends Exception {
        NoSecretHere() {
            super(Messages.get("play.noSecret"), null, false, false);
        }
    }

    private String freshToken(Plan p, String stream) throws NoSecretHere {
        String secret = secrets.apply(p.planId()).orElseThrow(NoSecretHere::new);
        return ViewerToken.make(secret, stream, Instant.now().plus(TOKEN_LIFETIME));
    }

    /** How long the Play step's own tokens play: a long look, and within the rotation grace. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    /** The media playlist to play (the adaptive one's best rendition when AMS offers it) and how it answered. */
    private record Probed(URI playlist, int status) {
    }

    /** Plays through the relay, which keeps JavaFX's playlist reloads to CloudFront at about one a second (see PlaybackRelay). */
    private void startPlayer(URI source) {
        MediaPlayer p;
        try {
            URI played = relay().forPlayer(source, withoutSound);
            p = new MediaPlayer(new Media(played.toString()));
        } catch (MediaException e) {
            problem.set(PlaybackProblems.fromMediaError(e.getType().name(), e.getMessage()));
            retryLater();
            return;
        }
        p.setMute(muted.get());
        p.setVolume(volume.get());
        p.setOnError(() -> {
            MediaException e = p.getError();
            if (!withoutSound && PlaybackProblems.isNoSoundOutput(e.getType().name(), e.getMessage())) {
                // No sound output here: play the picture alone, at once, and say why it is silent.
                withoutSound = true;
                soundNotice.set(Messages.get("play.noSoundOutput"));
                disposePlayer();
                startPlayer(source);
                return;
            }
            problem.set(PlaybackProblems.fromMediaError(e.getType().name(), e.getMessage()));
            disposePlayer();
            retryLater();
        });
        p.setAutoPlay(true);
        player.set(p);
        paused.set(false);
        watchdog.reset(System.nanoTime());
        sampler.play();
    }

    private void sample() {
        MediaPlayer p = player.get();
        if (p == null || paused.get()) {
            return;
        }
        PlayerWatchdog.State now = watchdog.sample(System.nanoTime(), p.getStatus().name(), p.getCurrentTime().toSeconds());
        if (now == PlayerWatchdog.State.STALLED) {
            disposePlayer();
            retryLater();
            return;
        }
        if (now == PlayerWatchdog.State.PLAYING) {
            attempt = 0;
            problem.set(null);
            if (firstFrameMillis.get() < 0) {
                firstFrameMillis.set((System.nanoTime() - playRequestedNanos) / 1_000_000);
                LOG.info("first picture after " + firstFrameMillis.get() + " ms");
                runChecksOnce();
            }
        }
        state.set(Messages.get("play.state." + now.name()));
    }

    private void retryLater() {
        Duration wait = PlayerWatchdog.retryDelay(attempt++);
        state.set(Messages.get("play.state.STALLED", wait.toSeconds()));
        pendingRetry = new PauseTransition(javafx.util.Duration.millis(wait.toMillis()));
        pendingRetry.setOnFinished(e -> connect());
        pendingRetry.play();
    }

    public void togglePause() {
        MediaPlayer p = player.get();
        if (p == null) {
            play();
            return;
        }
        if (paused.get()) {
            p.play();
            watchdog.reset(System.nanoTime());
        } else {
            p.pause();
        }
        paused.set(!paused.get());
    }

    /**
     * Gets the first play's groundwork done before the step is shown (the Deploy step calls it once
     * there is something to watch): the relay started and the HTTP client made and connected once.
     */
    public CompletableFuture<Void> prepare() {
        return CompletableFuture.runAsync(() -> {
            try {
                HttpGet.status(relay().address(), Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Background::execute);
    }

    /** The loopback relay every stream plays through (see PlaybackRelay), started with the first play or {@link #prepare()}. */
    private synchronized PlaybackRelay relay() {
        if (relay == null) {
            relay = new PlaybackRelay();
        }
        return relay;
    }

    /** Stops playing and lets go of the relay: the app is closing. */
    public void close() {
        stop();
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }

    /** Stops playing and any pending reconnect. */
    public void stop() {
        generation++;
        if (pendingChecks != null) {
            pendingChecks.stop();
            pendingChecks = null;
        }
        if (pendingRetry != null) {
            pendingRetry.stop();
            pendingRetry = null;
        }
        disposePlayer();
        state.set(Messages.get("play.state.idle"));
    }

    /**
     * Lets go of the player: the view lets go first (here), the native pipeline after, off the FX
     * thread — tearing down a stream whose server stopped answering can block in the media stack,
     * and the window must not freeze with it.
     */
    private void disposePlayer() {
        sampler.stop();
        MediaPlayer p = player.get();
        player.set(null);
        if (p != null) {
            Background.execute(p::dispose);
        }
    }

    /** The CDN checks and the same checks straight against the origin, side by side. */
    public void runChecks() {
        if (url.get() == null || checking.get()) {
            return;
        }
        Plan current = plan.get();
        URI base = viewerBase.get();
        String stream = streamId.get().trim();
        Plan.Origin o = current.origin();
        URI origin = URI.create(o.scheme() + "://" + o.domain() + ":" + o.port() + o.originPath()
                + "/streams/" + streamId.get().trim() + ".m3u8");
        checking.set(true);
        cdnChecks.clear();
        originChecks.clear();
        accessChecks.clear();
        tokens.set(current.access().tokens());
        Background.run(() -> {
            var originReport = Background.run(() -> new StreamCheck().runAtServer(origin), r -> originChecks.setAll(r.checks()),
                    failure -> { });
            URI cdn = current.access().tokens() ? ViewerUrls.withToken(base, freshToken(current, stream), stream) : url.get();
            if (current.access().tokens()) {
                var proof = new AccessProof(Duration.ofSeconds(10)).run(base, stream, () -> {
                    try {
                        return freshToken(current, stream);
                    } catch (NoSecretHere none) {
                        throw new IllegalStateException(none.getMessage(), none);
                    }
                });
                Platform.runLater(() -> accessChecks.setAll(proof));
            }
            var cdnReport = new StreamCheck().run(cdn);
            originReport.get();
            return cdnReport;
        }, report -> {
            cdnChecks.setAll(report.checks());
            checking.set(false);
        }, failure -> checking.set(false));
    }
}
