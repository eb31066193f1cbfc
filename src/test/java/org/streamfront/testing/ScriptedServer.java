package org.streamfront.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A server on loopback that answers each path as a test scripts it, bad answers included: any
 * status and headers, a body sent whole, a body that stalls after the headers, or one that trickles
 * a byte a second. Unscripted paths answer 404.
 */
public final class ScriptedServer implements AutoCloseable {
    public enum Delivery { WHOLE, STALL_AFTER_HEADERS, TRICKLE }

    public record Reply(int status, Map<String, String> headers, byte[] body, Delivery delivery) {
        /** {@code headers} as name/value pairs. */
        public static Reply of(int status, String body, String... headers) {
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                h.put(headers[i], headers[i + 1]);
            }
            return new Reply(status, h, body.getBytes(StandardCharsets.UTF_8), Delivery.WHOLE);
        }

        public static Reply playlist(String m3u8) {
            return of(200, m3u8, "Content-Type", "application/vnd.apple.mpegurl");
        }

        public Reply delivered(Delivery how) {
            return new Reply(status, headers, body, how);
        }
    }

    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final HttpServer server;

    public ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // a stalled answer holds only its own thread
        server.createContext("/", this::answer);
        server.start();
    }

    public ScriptedServer on(String path, Reply reply) {
        replies.put(path, reply);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Reply reply = replies.getOrDefault(exchange.getRequestURI().getPath(), Reply.of(404, "not found"));
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            switch (reply.delivery()) {
                case WHOLE -> out.write(reply.body());
                case STALL_AFTER_HEADERS -> {
                    out.flush();
                    closed.await();
                }
                case TRICKLE -> {
                    for (byte b : reply.body()) {
                        out.write(b);
                        out.flush();
                        if (closed.await(1, TimeUnit.SECONDS)) {
                            return;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientLeft) {
            // the client gave up, as it should
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
