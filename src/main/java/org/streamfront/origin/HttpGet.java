package org.streamfront.origin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.streamfront.Messages;
import software.amazon.awssdk.utils.Lazy;

/**
 * The one way StreamFront GETs from a server or an edge (origin check, stream check, probes, the
 * player's relay, public DNS): one shared HTTP/1.1 client, redirects followed, one deadline for the
 * whole answer, bodies capped so a huge answer cannot eat the memory, and failures described in
 * plain words.
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

    /** One daemon thread that cuts off bodies past their deadline. */
    private static final Lazy<ScheduledExecutorService> DEADLINES = new Lazy<>(() -> Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("http-deadlines").factory()));

    private HttpGet() {
    }

    /**
     * What came back: a status (-1 when nothing answered), the body (at most {@link #MAX_BODY}), the time it took,
     * and the address that answered ({@code uri}: the last one after redirects; null when nothing answered).
     */
    public record Answer(int status, byte[] body, HttpHeaders headers, long millis, IOException failure, boolean truncated, URI uri) {
        public Answer(int status, byte[] body, HttpHeaders headers, long millis, IOException failure, boolean truncated) {
            this(status, body, headers, millis, failure, truncated, null);
        }

        /**
         * A playlist's relative address resolved as a player resolves it: against the address that
         * answered, so a redirect's path (a viewer token in it) is kept. {@code asked} when nothing answered.
         */
        public URI resolve(URI asked, String reference) {
            return (uri != null ? uri : asked).resolve(reference);
        }

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

    /**
     * GETs {@code url} with optional header name/value pairs. Never throws for a network failure, and
     * never waits longer than {@code timeout} in all: to connect, for the headers, and for the whole
     * body (a server that stalls after its headers, or trickles a byte at a time, is cut off).
     */
    public static Answer get(URI url, Duration timeout, String... headers) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<InputStream> r = CLIENT.getValue().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = readBefore(in, start + timeout.toNanos(), url);
                boolean truncated = body.length > MAX_BODY;
                if (truncated) {
                    body = Arrays.copyOf(body, MAX_BODY);
                }
                return new Answer(r.statusCode(), body, r.headers(), millisSince(start), null, truncated, r.uri());
            }
        } catch (IOException e) {
            IOException cause = e.getCause() instanceof SSLException ssl ? ssl : e;
            return new Answer(-1, null, null, millisSince(start), cause, false);
        }
    }

    /**
     * The same as {@link #get} for callers that cannot throw: an interrupt ends the wait as an answer
     * from nobody (status -1), with the thread's interrupt flag set again.
     */
    public static Answer getOrNothing(URI url, Duration timeout) {
        try {
            return get(url, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, 0, new java.io.InterruptedIOException(), false);
        }
    }

    /** Where a streamed body goes, once its status and headers are known. */
    public interface Receiver {
        OutputStream open(int status, HttpHeaders headers) throws IOException;
    }

    /**
     * GETs {@code url} and passes its body to {@code receiver} as it arrives (flushed after each read,
     * at most {@link #MAX_BODY}), within one deadline for the whole answer as {@link #get} has. The
     * answer carries no body. A failure after the receiver opened ends the body short; the failure is in the answer.
     */
    public static Answer stream(URI url, Duration timeout, Receiver receiver) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
            HttpResponse<InputStream> r = CLIENT.getValue().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                OutputStream out = receiver.open(r.statusCode(), r.headers());
                beforeDeadline(in, start + timeout.toNanos(), url, () -> copy(in, out));
                return new Answer(r.statusCode(), new byte[0], r.headers(), millisSince(start), null, false, r.uri());
            }
        } catch (IOException e) {
            IOException cause = e.getCause() instanceof SSLException ssl ? ssl : e;
            return new Answer(-1, null, null, millisSince(start), cause, false);
        }
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; total < MAX_BODY && (n = in.read(buffer)) >= 0; total += n) {
            out.write(buffer, 0, n);
            out.flush();
        }
        return total;
    }

    /** Just the status, reading no body, within {@code timeout}: -1 when nothing answered. */
    public static int status(URI url, Duration timeout) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
            // Not a discarding handler: that one returns only once the whole body has arrived.
            HttpResponse<InputStream> r = CLIENT.getValue().send(request, HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The body, read until {@code deadlineNanos}: the stream is closed then, which wakes a blocked read.
     * At most one byte more than {@link #MAX_BODY}, so that a caller can tell the body was cut.
     */
    private static byte[] readBefore(InputStream in, long deadlineNanos, URI url) throws IOException {
        return beforeDeadline(in, deadlineNanos, url, () -> in.readNBytes(MAX_BODY + 1));
    }

    private interface Reading<T> {
        T run() throws IOException;
    }

    /** Runs {@code reading} on {@code in}, closing the stream at {@code deadlineNanos}, which wakes a blocked read. */
    private static <T> T beforeDeadline(InputStream in, long deadlineNanos, URI url, Reading<T> reading) throws IOException {
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> closer = DEADLINES.getValue().schedule(() -> {
            late.set(true);
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        try {
            T result = reading.run();
            if (late.get()) {
                throw new HttpTimeoutException("the answer from " + url.getHost() + " did not arrive in time");
            }
            return result;
        } catch (IOException e) {
            if (late.get()) {
                throw new HttpTimeoutException("the answer from " + url.getHost() + " did not arrive in time");
            }
            throw e;
        } finally {
            closer.cancel(false);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
