package org.streamfront.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on loopback, as every simulator uses it: real HTTP, an ephemeral port. */
final class SimHttp {
    private SimHttp() {
    }

    /** A server on 127.0.0.1 with a free port, serving with virtual threads so slow answers block nobody. */
    static HttpServer start(HttpHandler handler) throws IOException {
        return start(handler, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** The same on a chosen loopback address and port (a second server of a practice cluster). */
    static HttpServer start(HttpHandler handler, InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 512);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                send(exchange, 500, "text/plain", ("simulator fault: " + e).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        return server;
    }

    static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body == null || body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        if (noBody) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void sendText(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        send(exchange, status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    static void stop(HttpServer server) {
        server.stop(0);
        if (server.getExecutor() instanceof ExecutorService executor) {
            executor.shutdownNow();
        }
    }
}
