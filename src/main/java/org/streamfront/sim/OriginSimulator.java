package org.streamfront.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ant Media Server look-alike: live HLS (a sliding window of 2 s segments over a bundled test
 * stream that loops seamlessly), AMS's headers, its broadcast REST API (with its default refusal
 * of remote hosts), and 404 for streams that are not live.
 */
public final class OriginSimulator implements AutoCloseable {
    public static final Set<String> APPLICATIONS = Set.of("LiveApp", "WebRTCAppEE", "WebRTCApp", "live");
    static final int SEGMENT_SECONDS = 2;
    static final int LIST_SIZE = 15;
    /** A new stream starts with a few segments ready, as a publishing encoder would have made. */
    static final int PREROLL_SEGMENTS = 3;
    /** AMS names a stream's adaptive master playlist {@code <id>_adaptive.m3u8}. */
    private static final String ADAPTIVE = "_adaptive";
    private static final Pattern STREAM_PATH = Pattern.compile("/([^/]+)/streams/([A-Za-z0-9_.-]+?)(\\d{9})?\\.(m3u8|ts)");
    private static final Pattern REST_LIST = Pattern.compile("/([^/]+)/rest/v2/broadcasts/list/(\\d+)/(\\d+)");
    private static final Pattern REST_ONE = Pattern.compile("/([^/]+)/rest/v2/broadcasts/([^/]+)");

    private final HttpServer server;
    private final List<byte[]> segments = new ArrayList<>();
    private final long loopTicks;
    private final Map<String, LiveStream> live = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private volatile boolean refuseRemoteRest;
    private volatile int applicationStatus;
    private volatile CountDownLatch silence;

    private record LiveStream(String app, String id, long startedNanos) {
    }

    private OriginSimulator(InetSocketAddress address) throws IOException {
        for (int i = 0; ; i++) {
            try (InputStream in = OriginSimulator.class.getResourceAsStream("stream/seg" + i + ".ts")) {
                if (in == null) {
                    break;
                }
                segments.add(in.readAllBytes());
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalStateException("the bundled test stream is missing");
        }
        loopTicks = (long) segments.size() * SEGMENT_SECONDS * 90_000;
        server = address == null ? SimHttp.start(this::handle) : SimHttp.start(this::handle, address);
    }

    public static OriginSimulator start() {
        return start(null);
    }

    /**
     * A server on a chosen loopback address and port, e.g. 127.0.0.2 on the first server's port: the
     * second node of a practice cluster, which a plan reaches on the same port under another name.
     */
    public static OriginSimulator start(InetSocketAddress address) {
        try {
            return new OriginSimulator(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return SimHttp.uri(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts publishing a stream, as an encoder pushing RTMP to {@code app/id} would. Segment names restart. */
    public void startStream(String app, String id) {
        long prerolled = System.nanoTime() - PREROLL_SEGMENTS * SEGMENT_SECONDS * 1_000_000_000L;
        live.put(app + "/" + id, new LiveStream(app, id, prerolled));
    }

    public void stopStream(String app, String id) {
        live.remove(app + "/" + id);
    }

    /** AMS's default: its REST API answers only the local host; remote callers get 403 "Not allowed IP". */
    /** Makes every application page answer with this status (e.g. 401 behind a login, 500 when failing); 0 for normal. */
    public void applicationStatus(int status) {
        this.applicationStatus = status;
    }

    /** Accepts connections but never answers, as a hung server does; false to answer again. */
    public void silent(boolean hang) {
        CountDownLatch previous = silence;
        silence = hang ? new CountDownLatch(1) : null;
        if (previous != null) {
            previous.countDown();
        }
    }

    public void refuseRemoteRest(boolean refuse) {
        this.refuseRemoteRest = refuse;
    }

    /** How many requests of a kind ({@code playlist}, {@code segment}, {@code rest}, {@code other}) arrived. */
    public long requests(String kind) {
        return requests.computeIfAbsent(kind, k -> new AtomicLong()).get();
    }

    private void count(String kind) {
        requests.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private void handle(HttpExchange exchange) throws IOException {
        CountDownLatch hung = silence;
        if (hung != null) {
            try {
                hung.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().set("Server", "AntMediaServer-simulator");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            // AMS's CORS filter answers only requests that carry Origin.
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        }
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            count("other");
            SimHttp.send(exchange, 200, null, null);
            return;
        }
        Matcher stream = STREAM_PATH.matcher(path);
        if (stream.matches() && APPLICATIONS.contains(stream.group(1))) {
            serveHls(exchange, stream.group(1), stream.group(2), stream.group(3), stream.group(4));
            return;
        }
        Matcher list = REST_LIST.matcher(path);
        Matcher one = REST_ONE.matcher(path);
        if (list.matches() && APPLICATIONS.contains(list.group(1)) || one.matches() && APPLICATIONS.contains(one.group(1))) {
            count("rest");
            serveRest(exchange, list.matches() ? list : null, one.matches() ? one : null);
            return;
        }
        count("other");
        if (path.equals("/")) {
            // AMS serves its web panel's sign-in page at the root.
            SimHttp.sendText(exchange, 200, "text/html;charset=UTF-8", "<!doctype html><title>Ant Media Server</title><p>Management panel (simulated)</p>");
            return;
        }
        String[] parts = path.split("/");
        if (parts.length >= 2 && APPLICATIONS.contains(parts[1]) && applicationStatus != 0) {
            SimHttp.sendText(exchange, applicationStatus, "text/html;charset=UTF-8", "<!doctype html><title>" + applicationStatus + "</title>");
            return;
        }
        if (parts.length >= 2 && APPLICATIONS.contains(parts[1])) {
            if (parts.length == 2 || parts[2].isEmpty() || parts[2].equals("index.html") || parts[2].equals("play.html")) {
                SimHttp.sendText(exchange, 200, "text/html;charset=UTF-8",
                        "<!doctype html><title>Ant Media Server</title><p>Ant Media Server " + parts[1] + " (simulated)</p>");
                return;
            }
        }
        SimHttp.sendText(exchange, 404, "text/html;charset=UTF-8", "<!doctype html><title>404 Not Found</title>");
    }

    private void serveHls(HttpExchange exchange, String app, String id, String index, String kind) throws IOException {
        count(kind.equals("m3u8") ? "playlist" : "segment");
        String base = id.endsWith(ADAPTIVE) ? id.substring(0, id.length() - ADAPTIVE.length()) : null;
        if (base != null && index == null && kind.equals("m3u8") && live.containsKey(app + "/" + base)) {
            // AMS's adaptive master playlist; the practice stream has one rendition.
            exchange.getResponseHeaders().set("Cache-Control", "max-age=0");
            SimHttp.sendText(exchange, 200, "application/vnd.apple.mpegurl", "#EXTM3U\n#EXT-X-VERSION:3\n"
                    + "#EXT-X-STREAM-INF:BANDWIDTH=350000,RESOLUTION=640x360,CODECS=\"avc1.42e01e,mp4a.40.2\"\n" + base + ".m3u8\n");
            return;
        }
        LiveStream stream = live.get(app + "/" + id);
        if (stream == null) {
            SimHttp.sendText(exchange, 404, "text/html;charset=UTF-8", "<!doctype html><title>404 Not Found</title>");
            return;
        }
        long elapsed = System.nanoTime() - stream.startedNanos;
        long newest = elapsed / (SEGMENT_SECONDS * 1_000_000_000L); // 0-based, the last complete segment
        if (kind.equals("m3u8") && index == null) {
            exchange.getResponseHeaders().set("Cache-Control", "max-age=0");
            SimHttp.sendText(exchange, 200, "application/vnd.apple.mpegurl", playlist(id, newest));
            return;
        }
        long n = index == null ? -1 : Long.parseLong(index) - 1;
        if (kind.equals("ts") && n >= 0 && n <= newest && n > newest - 2L * LIST_SIZE) {
            byte[] body = TsTimestamps.shift(segments.get((int) (n % segments.size())), (n / segments.size()) * loopTicks);
            exchange.getResponseHeaders().set("Cache-Control", "max-age=10");
            exchange.getResponseHeaders().set("ETag", "\"" + id + "-" + n + "-" + stream.startedNanos + "\"");
            SimHttp.send(exchange, 200, "video/MP2T", body);
            return;
        }
        SimHttp.sendText(exchange, 404, "text/html;charset=UTF-8", "<!doctype html><title>404 Not Found</title>");
    }

    private String playlist(String id, long newest) {
        long first = Math.max(0, newest - LIST_SIZE + 1);
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n")
                .append("#EXT-X-TARGETDURATION:").append(SEGMENT_SECONDS).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:").append(first + 1).append('\n');
        for (long n = first; n <= newest; n++) {
            m3u8.append("#EXTINF:").append(SEGMENT_SECONDS).append(".000,\n")
                    .append(id).append(String.format("%09d", n + 1)).append(".ts\n");
        }
        return m3u8.toString();
    }

    private void serveRest(HttpExchange exchange, Matcher list, Matcher one) throws IOException {
        if (refuseRemoteRest) {
            SimHttp.sendText(exchange, 403, "application/json", "{\"success\":false,\"message\":\"Not allowed IP\"}");
            return;
        }
        String app = list != null ? list.group(1) : one.group(1);
        if (list != null) {
            int offset = Integer.parseInt(list.group(2));
            int size = Math.min(50, Integer.parseInt(list.group(3)));
            List<String> items = live.values().stream()
                    .filter(s -> s.app.equals(app))
                    .map(s -> broadcastJson(s.id, "broadcasting"))
                    .sorted()
                    .skip(offset).limit(size)
                    .toList();
            SimHttp.sendText(exchange, 200, "application/json", "[" + String.join(",", items) + "]");
            return;
        }
        LiveStream s = live.get(app + "/" + one.group(2));
        if (s == null) {
            SimHttp.sendText(exchange, 404, "application/json", "{\"success\":false,\"message\":\"Broadcast not found\"}");
            return;
        }
        SimHttp.sendText(exchange, 200, "application/json", broadcastJson(s.id, "broadcasting"));
    }

    private static String broadcastJson(String id, String status) {
        return "{\"streamId\":\"" + id + "\",\"name\":\"" + id + "\",\"status\":\"" + status + "\",\"type\":\"liveStream\"}";
    }

    @Override
    public void close() {
        silent(false);
        SimHttp.stop(server);
    }
}
