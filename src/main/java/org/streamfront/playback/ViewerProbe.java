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

    /** Whether the address answers with a readable HLS playlist: a 200 alone could be any page. */
    public boolean servesPlaylist(URI url) {
        HttpGet.Answer answer = answer(url);
        return answer.ok() && HlsPlaylist.parse(answer.text()).filter(p -> p.defect().isEmpty()).isPresent();
    }

    /** The whole answer (-1 status when nothing answered), for a playlist whose text is needed next. */
    public HttpGet.Answer answer(URI url) {
        return HttpGet.getOrNothing(url, Duration.ofSeconds(3));
    }

    /**
     * The media playlist to play for this address: a master playlist's highest rendition (JavaFX
     * does not switch renditions well, and the best picture is what a check wants to see), or the
     * address itself.
     */
    public URI mediaPlaylist(URI playlist) {
        return mediaPlaylist(playlist, answer(playlist));
    }

    /** The same from an answer already fetched from {@code playlist}. */
    public static URI mediaPlaylist(URI playlist, HttpGet.Answer answer) {
        return answer.ok() ? HlsPlaylist.parse(answer.text()).filter(HlsPlaylist::master)
                .flatMap(p -> p.variants().stream().max(Comparator.comparingLong(HlsPlaylist.Variant::bandwidth)))
                .map(v -> answer.resolve(playlist, v.uri())).orElse(answer.uri() != null ? answer.uri() : playlist) : playlist;
    }
}
