package org.streamfront.ui;

import java.net.URI;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.streamfront.Messages;
import org.streamfront.store.Settings;
import org.streamfront.update.BuildInfo;
import org.streamfront.update.ReleaseFeed;

/**
 * The one quiet line saying a newer StreamFront exists. The release feed is asked a few seconds
 * after start (never on the start-up path), only when the user has not turned the check off; a feed
 * that cannot be read says nothing (the command line's {@code version --check} says why).
 */
public final class UpdateNotice {
    private static final Logger LOG = Logger.getLogger(UpdateNotice.class.getName());
    static final Duration AFTER_START = Duration.seconds(4);
    private final ObjectProperty<ComebackViewModel.Offer> offer = new SimpleObjectProperty<>();
    private final Settings settings;
    private final URI feed;
    private final Consumer<String> openInBrowser;
    private URI page;

    /** {@code feed}: null asks nothing. */
    public UpdateNotice(Settings settings, URI feed, Consumer<String> openInBrowser) {
        this.settings = settings;
        this.feed = feed;
        this.openInBrowser = openInBrowser;
    }

    public ReadOnlyObjectProperty<ComebackViewModel.Offer> offer() {
        return offer;
    }

    /** Asks the feed once, {@link #AFTER_START} from now. */
    public void askSoon() {
        if (feed == null) {
            return;
        }
        PauseTransition wait = new PauseTransition(AFTER_START);
        wait.setOnFinished(e -> Background.run(() -> settings.updateCheck() ? ReleaseFeed.check(feed, BuildInfo.version()) : null,
                answer -> {
                    if (answer instanceof ReleaseFeed.Newer newer) {
                        page = newer.page();
                        offer.set(new ComebackViewModel.Offer(Messages.get("update.available", newer.version()),
                                Messages.get("update.download")));
                    } else if (answer instanceof ReleaseFeed.Unknown unknown) {
                        LOG.info("update check: " + unknown.why());
                    }
                }, failure -> LOG.log(Level.INFO, "update check failed", failure)));
        wait.play();
    }

    /** Opens the release's page; the line goes. */
    public void download() {
        if (page != null) {
            openInBrowser.accept(page.toString());
        }
        offer.set(null);
    }

    /** The user does not want to be asked again: the setting is kept, the line goes. */
    public void turnOff() {
        offer.set(null);
        Background.execute(() -> {
            try {
                settings.updateCheck(false);
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "could not keep the update-check setting", e);
            }
        });
    }
}
