package org.streamfront.playback;

import java.net.URI;
import java.time.Duration;
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
}
