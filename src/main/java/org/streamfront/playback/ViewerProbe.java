package org.streamfront.playback;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import org.streamfront.origin.HlsPlaylist;
import org.streamfront.origin.HttpGet;

/** Asks the viewer URL once, quickly: does the edge already answer for this distribution? */
public final class ViewerProbe {
    /** The HTTP status, or -1 when nothing answered (DNS not there yet, refused, timed out). */
    public int status(URI url) {
        try {
            return HttpGet.status(url, Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The media playlist to play for this address: a master playlist's highest rendition (JavaFX
     * does not switch renditions well, and the best picture is what a check wants to see), or the
     * address itself.
     */
    public URI mediaPlaylist(URI playlist) {
        try {
            HttpGet.Answer answer = HttpGet.get(playlist, Duration.ofSeconds(3));
            return answer.ok() ? HlsPlaylist.parse(answer.text()).filter(HlsPlaylist::master)
                    .flatMap(p -> p.variants().stream().max(Comparator.comparingLong(HlsPlaylist.Variant::bandwidth)))
                    .map(v -> playlist.resolve(v.uri())).orElse(playlist) : playlist;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return playlist;
        }
    }
}
