package org.streamfront.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An Ant Media Server play token: a JWT signed with HS256 over {@code {"streamId", "type": "play",
 * "expireDate": <unix seconds>}} with the secret of the AMS application, so a site that already
 * makes AMS play tokens needs no change. {@link #check} is the Java twin of the check the edge
 * function runs ({@code viewer-token.js}); a test runs both on the same tokens.
 */
public final class ViewerToken {
    /** What a token may contain: three base64url parts, as it travels in a URL path. */
    public static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    /** Why a token was refused, or that it opens the stream. */
    public enum Verdict {
        VALID, MALFORMED, WRONG_ALGORITHM, FORGED, EXPIRED, NOT_FOR_PLAYING;

        public boolean valid() {
            return this == VALID;
        }
    }

    /** What a valid token says: whose stream it opens and until when. */
    public record Claims(String streamId, Instant expires) {
    }

    private ViewerToken() {
    }

    /** A play token for one stream until {@code expires}, as AMS's own token service makes them. */
    public static String make(String secret, String streamId, Instant expires) {
        String payload = B64.encodeToString(("{\"streamId\":" + quote(streamId) + ",\"type\":\"play\",\"expireDate\":"
                + expires.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        String signed = HEADER + "." + payload;
        return signed + "." + B64.encodeToString(hmac(secret, signed));
    }

    /**
     * Checks a token against the secret: shape, algorithm (HS256 only, never "none"), signature
     * (compared in constant time), type "play", and expiry at {@code now}. The stream it names is
     * returned for the caller to compare with the path.
     */
    public static Result check(String token, String secret, Instant now) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Result.refused(Verdict.MALFORMED);
        }
        String[] parts = token.split("\\.", -1);
        JsonNode header = json(parts[0]);
        JsonNode payload = json(parts[1]);
        if (header == null || payload == null) {
            return Result.refused(Verdict.MALFORMED);
        }
        if (!"HS256".equals(header.path("alg").asText(null))) {
            return Result.refused(Verdict.WRONG_ALGORITHM);
        }
        byte[] expected = B64.encodeToString(hmac(secret, parts[0] + "." + parts[1])).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Result.refused(Verdict.FORGED);
        }
        JsonNode stream = payload.path("streamId");
        JsonNode expiry = payload.path("expireDate");
        // A whole number of seconds, compared as the edge function's JavaScript compares it.
        double seconds = expiry.isNumber() ? expiry.asDouble() : Double.NaN;
        if (!stream.isTextual() || !Double.isFinite(seconds) || Math.floor(seconds) != seconds) {
            return Result.refused(Verdict.MALFORMED);
        }
        if (!"play".equals(payload.path("type").asText(null))) {
            return Result.refused(Verdict.NOT_FOR_PLAYING);
        }
        if (seconds <= now.getEpochSecond()) {
            return Result.refused(Verdict.EXPIRED);
        }
        return new Result(Verdict.VALID, new Claims(stream.asText(), Instant.ofEpochSecond((long) Math.min(seconds, Instant.MAX.getEpochSecond()))));
    }

    /** The verdict, and the claims of a valid token (null otherwise). */
    public record Result(Verdict verdict, Claims claims) {
        static Result refused(Verdict why) {
            return new Result(why, null);
        }
    }

    private static JsonNode json(String part) {
        try {
            // Bytes that are not UTF-8 become U+FFFD, as the edge's Buffer.toString('utf8') makes them.
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IllegalArgumentException | java.io.IOException unreadable) {
            return null;
        }
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
