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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.streamfront.origin.HttpGet;

/**
 * A relay on this computer's loopback that passes a live HLS stream through with its audio taken
 * out ({@link AudioStripper}). Used only when no sound output can be opened: JavaFX on Linux then
 * halts any stream that has audio, and this way the picture still plays. The relay mirrors the
 * upstream path, so the playlist's relative segment addresses resolve through it unchanged.
 */
public final class PictureOnlyRelay implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public PictureOnlyRelay() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::relay);
        server.start();
    }

    /** The address that plays {@code upstream} through this relay, without sound. */
    public URI pictureOnly(URI upstream) {
        String origin = upstream.getScheme() + "://" + upstream.getRawAuthority();
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(origin.getBytes(StandardCharsets.UTF_8));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/u/" + key + upstream.getRawPath()
                + (upstream.getRawQuery() == null ? "" : "?" + upstream.getRawQuery()));
    }

    /** The upstream address a relay path stands for, or null when it is not one of ours. */
    static URI upstreamOf(URI relayed) {
        String path = relayed.getRawPath();
        if (!path.startsWith("/u/")) {
            return null;
        }
        int slash = path.indexOf('/', 3);
        if (slash < 0) {
            return null;
        }
        String origin;
        try {
            origin = new String(Base64.getUrlDecoder().decode(path.substring(3, slash)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!origin.startsWith("http://") && !origin.startsWith("https://")) {
            return null;
        }
        return URI.create(origin + path.substring(slash) + (relayed.getRawQuery() == null ? "" : "?" + relayed.getRawQuery()));
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI upstream = upstreamOf(exchange.getRequestURI());
            if (upstream == null || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            HttpGet.Answer answer = HttpGet.get(upstream, TIMEOUT);
            if (answer.failure() != null) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            byte[] body = answer.body();
            String path = upstream.getPath().toLowerCase();
            if (answer.ok() && path.endsWith(".ts")) {
                body = AudioStripper.strip(body);
            } else if (answer.ok() && path.endsWith(".m3u8")) {
                body = relayAbsoluteAddresses(answer.text()).getBytes(StandardCharsets.UTF_8);
            }
            answer.header("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Relative addresses resolve through the relay by themselves; absolute ones are pointed at it. */
    private String relayAbsoluteAddresses(String playlist) {
        StringBuilder out = new StringBuilder(playlist.length());
        for (String line : playlist.split("\r?\n", -1)) {
            String t = line.strip();
            boolean absolute = !t.startsWith("#") && (t.startsWith("http://") || t.startsWith("https://"));
            out.append(absolute ? pictureOnly(URI.create(t)).toString() : line).append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
