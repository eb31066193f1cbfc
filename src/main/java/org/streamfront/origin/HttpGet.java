package org.streamfront.origin;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.streamfront.Messages;
import software.amazon.awssdk.utils.Lazy;

/**
 * The one way StreamFront GETs from a server or an edge (origin check, stream check, probes):
 * one shared HTTP/1.1 client, redirects followed, a timeout per request, bodies capped so a huge
 * answer cannot eat the memory, and failures described in plain words.
 */
public final class HttpGet {
    /** Far more than any live playlist or 2 s segment; anything bigger is not what we asked for. */
    public static final int MAX_BODY = 8 * 1024 * 1024;

    /** Built on first use: an HTTP client costs start-up time the window should not wait for. */
    private static final Lazy<HttpClient> CLIENT = new Lazy<>(() -> HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build());

    private HttpGet() {
    }

    /** What came back: a status (-1 when nothing answered), the body (at most {@link #MAX_BODY}), the time it took. */
    public record Answer(int status, byte[] body, HttpHeaders headers, long millis, IOException failure, boolean truncated) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers == null ? Optional.empty() : headers.firstValue(name);
        }

        /** Why nothing answered, in plain words (empty when something did). */
        public String failureInWords() {
            if (failure == null) {
                return "";
            }
            if (failure instanceof HttpTimeoutException) {
                return Messages.get("http.failure.timeout");
            }
            if (failure instanceof ConnectException) {
                return Messages.get("http.failure.refused");
            }
            if (failure instanceof UnknownHostException) {
                return Messages.get("http.failure.unknownHost");
            }
            if (failure instanceof SSLException) {
                return Messages.get("http.failure.tls");
            }
            return Messages.get("http.failure.other", failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
        }

        /** The facts for a check's detail line: status or failure, time, the headers that matter. */
        public String facts(String... headerNames) {
            StringBuilder b = new StringBuilder(failure != null ? failureInWords() : "HTTP " + status);
            b.append(", ").append(millis).append(" ms");
            for (String h : headerNames) {
                header(h).ifPresent(v -> b.append(", ").append(h).append(": ").append(v));
            }
            return b.toString();
        }
    }

    /** GETs {@code url} with optional header name/value pairs. Never throws for a network failure. */
    public static Answer get(URI url, Duration timeout, String... headers) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<InputStream> r = CLIENT.getValue().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                boolean truncated = body.length > MAX_BODY;
                if (truncated) {
                    body = Arrays.copyOf(body, MAX_BODY);
                }
                return new Answer(r.statusCode(), body, r.headers(), millisSince(start), null, truncated);
            }
        } catch (IOException e) {
            IOException cause = e.getCause() instanceof SSLException ssl ? ssl : e;
            return new Answer(-1, null, null, millisSince(start), cause, false);
        }
    }

    /** Just the status, quickly, reading no body: -1 when nothing answered. */
    public static int status(URI url, Duration timeout) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
            return CLIENT.getValue().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
