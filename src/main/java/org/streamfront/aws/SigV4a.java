package org.streamfront.aws;

import java.util.Locale;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * AWS Signature Version 4A (ECDSA P-256 over SHA-256, valid in every region), which the CloudFront
 * KeyValueStore data plane requires. The AWS SDK for Java signs it only through the native
 * {@code aws-crt} library (23.6 MB of native code for every OS); this is the same algorithm on the
 * JDK's own elliptic-curve signature, checked against aws-crt in the tests. The key is derived from
 * the secret access key with NIST SP 800-108's counter-mode KDF (HMAC-SHA256), as AWS specifies.
 */
public final class SigV4a {
    public static final String ALGORITHM = "AWS4-ECDSA-P256-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ECParameterSpec P256 = p256();
    private static final BigInteger ORDER_MINUS_TWO = P256.getOrder().subtract(BigInteger.TWO);

    /** A request to sign: method, address, headers to send (and sign), body. */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
    }

    /** What signing adds: the headers to send with the request, and (for tests) the canonical request. */
    public record Signed(Map<String, String> headers, String canonicalRequest, String stringToSign) {
    }

    private SigV4a() {
    }

    public static Signed sign(Request request, AwsCredentials credentials, String service, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String scope = amzDate.substring(0, 8) + "/" + service + "/aws4_request";
        TreeMap<String, String> signedHeaders = new TreeMap<>();
        request.headers().forEach((k, v) -> signedHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v.trim()));
        signedHeaders.put("host", hostOf(request.uri()));
        signedHeaders.put("x-amz-date", amzDate);
        signedHeaders.put("x-amz-region-set", "*");
        if (credentials instanceof AwsSessionCredentials session) {
            signedHeaders.put("x-amz-security-token", session.sessionToken());
        }
        String names = String.join(";", signedHeaders.keySet());
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(canonicalPath(request.uri().getRawPath())).append('\n')
                .append(canonicalQuery(request.uri().getRawQuery())).append('\n');
        signedHeaders.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
        canonical.append('\n').append(names).append('\n').append(hex(sha256(request.body() == null ? new byte[0] : request.body())));
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        String signature = hex(ecdsa(privateKey(credentials), stringToSign.getBytes(StandardCharsets.UTF_8)));
        TreeMap<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(request.headers());
        out.put("X-Amz-Date", amzDate);
        out.put("X-Amz-Region-Set", "*");
        if (credentials instanceof AwsSessionCredentials session) {
            out.put("X-Amz-Security-Token", session.sessionToken());
        }
        out.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope + ", SignedHeaders=" + names
                + ", Signature=" + signature);
        return new Signed(out, canonical.toString(), stringToSign);
    }

    /** The private scalar for these credentials: the first KDF output below n-1, plus one. */
    static BigInteger privateScalar(AwsCredentials credentials) {
        byte[] key = ("AWS4A" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8);
        byte[] label = ALGORITHM.getBytes(StandardCharsets.UTF_8);
        byte[] keyId = credentials.accessKeyId().getBytes(StandardCharsets.UTF_8);
        for (int counter = 1; counter <= 254; counter++) {
            ByteBuffer fixed = ByteBuffer.allocate(4 + label.length + 1 + keyId.length + 1 + 4);
            fixed.putInt(1).put(label).put((byte) 0).put(keyId).put((byte) counter).putInt(256);
            BigInteger candidate = new BigInteger(1, hmac(key, fixed.array()));
            if (candidate.compareTo(ORDER_MINUS_TWO) <= 0) {
                return candidate.add(BigInteger.ONE);
            }
        }
        throw new IllegalStateException("no SigV4A key could be derived from these credentials");
    }

    private static PrivateKey privateKey(AwsCredentials credentials) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(privateScalar(credentials), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's EC support is missing", e);
        }
    }

    static ECParameterSpec curve() {
        return P256;
    }

    private static byte[] ecdsa(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each path segment URI-encoded once more, as SigV4 does for every service but S3. */
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(uriEncode(segments[i]));
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            sorted.put(uriEncode(k), uriEncode(v));
        }
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return out.toString();
    }

    /** RFC 3986 unreserved characters stay; everything else is %XX. */
    static String uriEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String hostOf(URI uri) {
        int port = uri.getPort();
        boolean usual = port == -1 || port == 443 && "https".equals(uri.getScheme()) || port == 80 && "http".equals(uri.getScheme());
        return usual ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's EC support is missing", e);
        }
    }
}
