package org.streamfront.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The CloudFront KeyValueStore data plane (REST/JSON, SigV4A): read a store's ETag, read a key, write
 * keys. The AWS SDK for Java has a client for it, but it is not served here and needs the native
 * aws-crt library to sign; this one signs with {@link SigV4a}. In AWS the endpoint is the account's
 * own ({@code https://<account>.cloudfront-kvs.global.api.aws}); practice mode and tests give the
 * simulator's address instead, as the SDK's endpoint override would.
 */
public final class KeyValueStoreData {
    public static final String SERVICE = "cloudfront-keyvaluestore";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(40);

    private final AwsCredentialsProvider credentials;
    private final URI endpointOrNull;
    /** Made on first use: most runs never touch a key value store, and an HTTP client starts threads. */
    private final software.amazon.awssdk.utils.Lazy<HttpClient> http = new software.amazon.awssdk.utils.Lazy<>(() -> HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());

    /** A refusal from the data plane, with the service's error type (e.g. ConflictException). */
    public static final class Refused extends IOException {
        private final int status;
        private final String type;

        Refused(int status, String type, String message) {
            super(type + ": " + message + " (HTTP " + status + ")");
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        public String type() {
            return type;
        }
    }

    /** {@code endpointOrNull} null: the SDK's endpoint variables, as its generated client would read them, else AWS's. */
    public KeyValueStoreData(AwsCredentialsProvider credentials, URI endpointOrNull) {
        this.credentials = credentials;
        this.endpointOrNull = endpointOrNull != null ? endpointOrNull : fromEnvironment();
    }

    private static URI fromEnvironment() {
        String url = System.getenv("AWS_ENDPOINT_URL_CLOUDFRONT_KEYVALUESTORE");
        if (url == null || url.isBlank()) {
            url = System.getenv("AWS_ENDPOINT_URL");
        }
        return url == null || url.isBlank() ? null : URI.create(url.strip());
    }

    /** The store's current ETag, which every write must name. */
    public String etag(String storeArn) throws IOException, InterruptedException {
        return send("GET", storeArn, "", null, null).headers().firstValue("ETag")
                .orElseThrow(() -> new IOException("the key value store answered without an ETag"));
    }

    /** A key's value; empty when the store does not have it. */
    public Optional<String> get(String storeArn, String key) throws IOException, InterruptedException {
        try {
            return Optional.of(JSON.readTree(send("GET", storeArn, "/keys/" + SigV4a.uriEncode(key), null, null).body()).path("Value").asText());
        } catch (Refused r) {
            if (r.status() == 404) {
                return Optional.empty();
            }
            throw r;
        }
    }

    /** Writes and deletes keys in one change based on {@code etag}; returns the store's new ETag. */
    public String update(String storeArn, String etag, Map<String, String> puts, List<String> deletes) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        var putItems = body.putArray("Puts");
        puts.forEach((k, v) -> putItems.addObject().put("Key", k).put("Value", v));
        var deleteItems = body.putArray("Deletes");
        deletes.forEach(k -> deleteItems.addObject().put("Key", k));
        return send("POST", storeArn, "/keys", etag, JSON.writeValueAsBytes(body)).headers().firstValue("ETag")
                .orElseThrow(() -> new IOException("the key value store answered without an ETag"));
    }

    private HttpResponse<byte[]> send(String method, String storeArn, String rest, String ifMatch, byte[] body)
            throws IOException, InterruptedException {
        URI base = endpointOrNull != null ? endpointOrNull : URI.create("https://" + accountOf(storeArn) + ".cloudfront-kvs.global.api.aws");
        URI uri = URI.create(base.toString().replaceAll("/$", "") + "/key-value-stores/" + SigV4a.uriEncode(storeArn) + rest);
        Map<String, String> headers = new java.util.TreeMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        SigV4a.Signed signed = SigV4a.sign(new SigV4a.Request(method, uri, headers, body), credentials.resolveCredentials(), SERVICE, Instant.now());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(DEADLINE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach(request::header);
        HttpResponse<byte[]> response = http.getValue().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            String type = response.headers().firstValue("x-amzn-ErrorType").map(t -> t.split(":")[0]).orElse("Error");
            String message;
            try {
                JsonNode error = JSON.readTree(response.body());
                message = error.path("Message").asText(error.path("message").asText(""));
            } catch (IOException unreadable) {
                message = new String(response.body(), StandardCharsets.UTF_8);
            }
            throw new Refused(response.statusCode(), type, message);
        }
        return response;
    }

    /** arn:aws:cloudfront::<account>:key-value-store/<id> */
    static String accountOf(String storeArn) {
        String[] parts = storeArn.split(":");
        if (parts.length < 6 || !parts[4].matches("[0-9]{12}")) {
            throw new IllegalArgumentException("not a key value store ARN: " + storeArn);
        }
        return parts[4];
    }
}
