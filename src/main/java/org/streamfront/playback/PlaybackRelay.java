package org.streamfront.playback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.streamfront.origin.HlsPlaylist;
import org.streamfront.origin.HttpGet;

/**
 * A relay on this computer's loopback between JavaFX's player and the stream, for two habits of
 * JavaFX's HLS support: it keeps a live stream going only when it is handed a master playlist
 * (a media playlist alone stops after its first few segments), and it then reloads the media
 * playlist as fast as answers come (measured: about 400 times a second against the practice edge,
 * each a paid CloudFront request). So the relay hands JavaFX a master playlist it writes around
 * the media playlist, and fetches each playlist upstream at most once per {@link #PLAYLIST_PACE}:
 * the player's extra reloads get the last copy (at once while it starts, then held until the pace is up). When no sound output can be opened (JavaFX on Linux then
 * halts any stream with audio) it also takes the audio out of the segments ({@link AudioStripper}).
 * The relay mirrors the upstream path, so relative addresses in playlists resolve through it.
 */
public final class PlaybackRelay implements AutoCloseable {
    /** No playlist is fetched upstream more often than this: about what a player needs for 2 s segments. */
    static final Duration PLAYLIST_PACE = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    /** A player starting up reloads several times in a row; this many quick answers per pace come from the last copy. */
    static final int QUICK_COPIES = 20;
    private final Map<URI, Copy> playlists = new ConcurrentHashMap<>();
    /** Segments fetched ahead of the player's ask, in listing order; each is handed out once. */
    private final Map<URI, CompletableFuture<HttpGet.Answer>> prefetched = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Segments already prefetched (the latest few hundred), so none is fetched ahead twice. */
    private final Set<URI> seen = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, Boolean> eldest) {
            return size() > 256;
        }
    }));
    /** A few segment fetches at once: enough to overlap the trips, not so many that one starves the rest. */
    private final ExecutorService prefetching = Executors.newFixedThreadPool(3, Thread.ofVirtual().factory());
    static final int MAX_PREFETCHED = 16;

    /** The last good upstream answer for one playlist, when it was last asked upstream, and how often it was served again since. */
    private static final class Copy {
        HttpGet.Answer answer;
        long fetchedNanos;
        int servedAgain;
    }

    /** How a relayed address is served: audio kept or taken out, and whether it is a master written around a media playlist. */
    private record Route(URI upstream, boolean pictureOnly, boolean wrapped) {
    }

    public PlaybackRelay() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::relay);
        server.start();
    }

    /**
     * The address to give the player for a media playlist: a master playlist of its own around it.
     * {@code pictureOnly}: without the audio.
     */
    public URI forPlayer(URI mediaPlaylist, boolean pictureOnly) {
        return address(mediaPlaylist, pictureOnly ? "mu" : "ma");
    }

    /** The same stream through the relay as it is (audio taken out when {@code pictureOnly}), playlists paced. */
    private URI relayed(URI upstream, boolean pictureOnly) {
        return address(upstream, pictureOnly ? "u" : "a");
    }

    private URI address(URI upstream, String mode) {
        String origin = upstream.getScheme() + "://" + upstream.getRawAuthority();
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(origin.getBytes(StandardCharsets.UTF_8));
        return URI.create(address() + mode + "/" + key + upstream.getRawPath()
                + (upstream.getRawQuery() == null ? "" : "?" + upstream.getRawQuery()));
    }

    /** What a relay path stands for, or null when it is not one of ours. */
    static Route routeOf(URI relayed) {
        String[] parts = relayed.getRawPath().split("/", 4);
        if (parts.length < 4 || !parts[1].matches("m?[au]")) {
            return null;
        }
        String origin;
        try {
            origin = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!origin.startsWith("http://") && !origin.startsWith("https://")) {
            return null;
        }
        URI upstream = URI.create(origin + "/" + parts[3] + (relayed.getRawQuery() == null ? "" : "?" + relayed.getRawQuery()));
        return new Route(upstream, parts[1].endsWith("u"), parts[1].startsWith("m"));
    }

    /** The upstream address a relay path stands for, or null when it is not one of ours. */
    static URI upstreamOf(URI relayed) {
        Route r = routeOf(relayed);
        return r == null ? null : r.upstream();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            Route route = routeOf(exchange.getRequestURI());
            if (route == null || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (route.wrapped()) {
                // One variant: the media playlist itself, through the relay. BANDWIDTH is required; its value is not used.
                String master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000000\n" + relayed(route.upstream(), route.pictureOnly()) + "\n";
                send(exchange, 200, "application/vnd.apple.mpegurl", master.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = route.upstream().getPath().toLowerCase(Locale.ROOT);
            if (!path.endsWith(".m3u8")) {
                segment(exchange, route.upstream(), route.pictureOnly() && path.endsWith(".ts"));
                return;
            }
            HttpGet.Answer answer = playlist(route.upstream());
            if (answer.failure() != null) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            byte[] body = answer.body();
            if (answer.ok()) {
                // Followed a redirect (a viewer token moved into the path): relative addresses belong to where it led.
                URI redirected = answer.uri() != null && !answer.uri().equals(route.upstream()) ? answer.uri() : null;
                body = relayAddresses(answer.text(), route.pictureOnly(), redirected).getBytes(StandardCharsets.UTF_8);
            }
            send(exchange, answer.status(), answer.header("Content-Type").orElse(null), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A segment: from the prefetched copy when there is one, else streamed from upstream as it
     * arrives. Without audio, whole: JavaFX stalls for seconds on a segment sent without its length,
     * and the length is known only once the audio is out.
     */
    private void segment(HttpExchange exchange, URI upstream, boolean pictureOnly) throws IOException, InterruptedException {
        CompletableFuture<HttpGet.Answer> early = prefetched.remove(upstream);
        HttpGet.Answer answer = early == null ? null : early.join();
        if (answer == null || answer.failure() != null || !answer.ok()) {
            if (!pictureOnly) {
                forward(exchange, upstream);
                return;
            }
            answer = HttpGet.get(upstream, TIMEOUT);
            if (answer.failure() != null) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
        }
        byte[] body = pictureOnly && answer.ok() ? AudioStripper.strip(answer.body()) : answer.body();
        send(exchange, answer.status(), answer.header("Content-Type").orElse(null), body);
    }

    /**
     * The segments a media playlist lists that have not been asked for yet, fetched at once, a few
     * at a time: JavaFX fetches every listed segment one after another before its first frame, and
     * would otherwise wait for each trip in turn. Each is fetched once, as the player would.
     */
    private void prefetch(URI playlist, HttpGet.Answer answer) {
        if (!answer.ok()) {
            return;
        }
        HlsPlaylist.parse(answer.text()).filter(p -> !p.master()).ifPresent(p -> {
            for (HlsPlaylist.Segment segment : p.segments()) {
                URI uri = answer.resolve(playlist, segment.uri());
                if (seen.add(uri)) {
                    prefetched.put(uri, CompletableFuture.supplyAsync(() -> HttpGet.getOrNothing(uri, TIMEOUT), prefetching));
                }
            }
        });
        // Copies the player never asked for (it started later in the list) do not pile up. Held while
        // iterating: the handlers of the player's asks, and an earlier player's, remove at the same time.
        synchronized (prefetched) {
            while (prefetched.size() > MAX_PREFETCHED) {
                prefetched.remove(prefetched.keySet().iterator().next());
            }
        }
    }

    /**
     * A segment passed to the player as its bytes arrive rather than once all have: the first
     * picture does not wait for the whole first segment. The upstream length is passed on.
     */
    private static void forward(HttpExchange exchange, URI upstream) throws IOException, InterruptedException {
        OutputStream[] body = new OutputStream[1];
        HttpGet.stream(upstream, TIMEOUT, (status, headers) -> {
            headers.firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            long length = headers.firstValueAsLong("Content-Length").orElse(0);
            // 0 asks for chunked (length unknown); -1 for no body at all.
            exchange.sendResponseHeaders(status, length == 0 && headers.firstValue("Content-Length").isPresent() ? -1 : length);
            body[0] = exchange.getResponseBody();
            return body[0];
        });
        if (body[0] == null) {
            exchange.sendResponseHeaders(502, -1); // nothing answered upstream
        }
    }

    /** The relay's own address (its root), for a first request that warms it and the HTTP client up. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A new player is coming: it starts from the top of the list, so what the last one was given is fetched ahead anew. */
    public void startOver() {
        seen.clear();
        prefetched.clear();
    }

    /**
     * The player is about to ask for this playlist, which was just read to see that the stream is
     * there: its first ask gets this copy instead of another trip upstream.
     */
    public void prime(URI upstream, HttpGet.Answer answer) {
        if (answer.ok()) {
            Copy copy = new Copy();
            copy.answer = answer;
            copy.fetchedNanos = System.nanoTime();
            playlists.put(upstream, copy);
            prefetch(upstream, answer);
        }
    }

    /**
     * A playlist, fetched upstream at most once per pace: within it the player gets the last copy,
     * at once for its first few asks (start-up is not slowed), then only when the pace is up.
     * Once a playlist has answered, a reload that fails (the stream stopped: 404, or no answer)
     * gets the last good copy: the player sees nothing new and the Play step's watchdog calls the
     * stream stopped. Handed the error, JavaFX's playlist loader dies with an uncaught exception on
     * its own thread instead.
     */
    private HttpGet.Answer playlist(URI upstream) throws InterruptedException {
        Copy copy = playlists.computeIfAbsent(upstream, k -> new Copy());
        synchronized (copy) {
            long age = System.nanoTime() - copy.fetchedNanos;
            if (copy.answer != null && age < PLAYLIST_PACE.toNanos()) {
                if (copy.servedAgain++ < QUICK_COPIES) {
                    return copy.answer;
                }
                Thread.sleep(Duration.ofNanos(PLAYLIST_PACE.toNanos() - age));
            }
            HttpGet.Answer fresh = HttpGet.get(upstream, TIMEOUT);
            copy.fetchedNanos = System.nanoTime();
            copy.servedAgain = 0;
            if (!fresh.ok()) {
                return copy.answer != null ? copy.answer : fresh;
            }
            copy.answer = fresh;
            prefetch(upstream, fresh);
            return fresh;
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Relative addresses resolve through the relay by themselves; absolute ones are pointed at it. When
     * the upstream answer came from a redirect ({@code redirectedOrNull}), relative ones are resolved
     * against where it led, as a player resolves them, and pointed at the relay too.
     */
    private String relayAddresses(String playlist, boolean pictureOnly, URI redirectedOrNull) {
        StringBuilder out = new StringBuilder(playlist.length());
        for (String line : playlist.split("\r?\n", -1)) {
            String t = line.strip();
            boolean address = !t.isEmpty() && !t.startsWith("#");
            boolean absolute = address && (t.startsWith("http://") || t.startsWith("https://"));
            if (absolute) {
                out.append(relayed(URI.create(t), pictureOnly));
            } else if (address && redirectedOrNull != null) {
                out.append(relayed(redirectedOrNull.resolve(t), pictureOnly));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        prefetching.shutdownNow();
    }
}
