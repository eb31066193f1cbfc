package org.streamfront.playback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the viewer URL once, quickly: does the edge already answer for this distribution? */
public final class ViewerProbe {
    /** Built on first use: an HTTP client costs start-up time the window should not wait for. */
    private final software.amazon.awssdk.utils.Lazy<HttpClient> http = new software.amazon.awssdk.utils.Lazy<>(() ->
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build());

    /** The HTTP status, or -1 when nothing answered (DNS not there yet, refused, timed out). */
    public int status(URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build();
            return http.getValue().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
