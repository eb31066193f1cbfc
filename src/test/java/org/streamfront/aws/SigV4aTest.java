package org.streamfront.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.crt.auth.credentials.Credentials;
import software.amazon.awssdk.crt.auth.signing.AwsSigningConfig;
import software.amazon.awssdk.crt.auth.signing.AwsSigningUtils;
import software.amazon.awssdk.crt.cal.EccKeyPair;
import software.amazon.awssdk.crt.http.HttpHeader;
import software.amazon.awssdk.crt.http.HttpRequest;

/** StreamFront's SigV4A against the AWS SDK's own implementation (aws-crt): same key, same canonical request, a signature it accepts. */
class SigV4aTest {
    private static final AwsCredentials KEYS = AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    @Test
    void derivesTheSameKeyAsTheSdk() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("a message".getBytes(StandardCharsets.UTF_8));
        byte[] sdkSignature;
        try (EccKeyPair sdkKey = EccKeyPair.newDeriveFromCredentials(crtCredentials(KEYS), EccKeyPair.AwsEccCurve.AWS_ECDSA_P256)) {
            sdkSignature = sdkKey.signMessage(digest);
        }
        Signature verify = Signature.getInstance("NONEwithECDSA");
        verify.initVerify(publicKey(KEYS));
        verify.update(digest);
        assertThat(verify.verify(sdkSignature)).as("the SDK's key signed it; ours must be its twin").isTrue();

        Signature other = Signature.getInstance("NONEwithECDSA");
        other.initVerify(publicKey(AwsBasicCredentials.create("AKIDEXAMPLE", "another secret")));
        other.update(digest);
        assertThat(other.verify(sdkSignature)).isFalse();
    }

    @Test
    void signsRequestsTheSdkAccepts() {
        Instant now = Instant.parse("2026-12-02T10:15:30Z");
        URI uri = URI.create("https://123456789012.cloudfront-kvs.global.api.aws/key-value-stores/"
                + "arn%3Aaws%3Acloudfront%3A%3A123456789012%3Akey-value-store%2Fabc-123/keys/secret");
        Map<String, String> headers = Map.of("Content-Type", "application/json", "If-Match", "ETAG1");
        byte[] body = "{\"Value\":\"v\"}".getBytes(StandardCharsets.UTF_8);
        SigV4a.Signed signed = SigV4a.sign(new SigV4a.Request("PUT", uri, headers, body), KEYS, "cloudfront-keyvaluestore", now);
        String authorization = signed.headers().get("Authorization");
        assertThat(authorization).startsWith("AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20261202/cloudfront-keyvaluestore/aws4_request, "
                + "SignedHeaders=content-type;host;if-match;x-amz-date;x-amz-region-set, Signature=");
        String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
        ECPoint q = publicPoint(KEYS);

        HttpRequest sent = new HttpRequest("PUT", uri.getRawPath(), List.of(
                new HttpHeader("Host", uri.getHost()), new HttpHeader("Content-Type", "application/json"), new HttpHeader("If-Match", "ETAG1"))
                .toArray(HttpHeader[]::new),
                null);
        try (AwsSigningConfig config = new AwsSigningConfig()) {
            config.setAlgorithm(AwsSigningConfig.AwsSigningAlgorithm.SIGV4_ASYMMETRIC);
            config.setSignatureType(AwsSigningConfig.AwsSignatureType.HTTP_REQUEST_VIA_HEADERS);
            config.setRegion("*");
            config.setService("cloudfront-keyvaluestore");
            config.setTime(now.toEpochMilli());
            config.setCredentials(crtCredentials(KEYS));
            config.setSignedBodyValue(HexFormat.of().formatHex(sha256(body)));
            String x = q.getAffineX().toString(16);
            String y = q.getAffineY().toString(16);
            assertThat(AwsSigningUtils.verifySigv4aEcdsaSignature(sent, signed.canonicalRequest(), config,
                    signature.getBytes(StandardCharsets.US_ASCII), x, y)).isTrue();
            assertThatThrownBy(() -> AwsSigningUtils.verifySigv4aEcdsaSignature(sent, signed.canonicalRequest().replace("%253A", "%3A"),
                    config, signature.getBytes(StandardCharsets.US_ASCII), x, y)).as("a canonical request that differs is refused")
                    .hasMessageContaining("canonical request did not match");
            String forged = signature.substring(0, signature.length() - 2) + (signature.endsWith("00") ? "01" : "00");
            assertThatThrownBy(() -> AwsSigningUtils.verifySigv4aEcdsaSignature(sent, signed.canonicalRequest(), config,
                    forged.getBytes(StandardCharsets.US_ASCII), x, y)).as("a signature that differs is refused")
                    .hasMessageContaining("not a valid signature");
        }
    }

    private static Credentials crtCredentials(AwsCredentials keys) {
        return new Credentials(keys.accessKeyId().getBytes(StandardCharsets.UTF_8), keys.secretAccessKey().getBytes(StandardCharsets.UTF_8), null);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(AwsCredentials keys) throws Exception {
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(publicPoint(keys), SigV4a.curve()));
    }

    /** d·G by double-and-add in affine coordinates (a = -3): slow, plain, and only for the test. */
    private static ECPoint publicPoint(AwsCredentials keys) {
        BigInteger p = ((java.security.spec.ECFieldFp) SigV4a.curve().getCurve().getField()).getP();
        BigInteger a = SigV4a.curve().getCurve().getA();
        BigInteger d = SigV4a.privateScalar(keys);
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = SigV4a.curve().getGenerator();
        for (int i = 0; i < d.bitLength(); i++) {
            if (d.testBit(i)) {
                result = add(result, addend, p, a);
            }
            addend = add(addend, addend, p, a);
        }
        return result;
    }

    private static ECPoint add(ECPoint s, ECPoint t, BigInteger p, BigInteger a) {
        if (s.equals(ECPoint.POINT_INFINITY)) {
            return t;
        }
        if (t.equals(ECPoint.POINT_INFINITY)) {
            return s;
        }
        BigInteger lambda;
        if (s.equals(t)) {
            lambda = s.getAffineX().pow(2).multiply(BigInteger.valueOf(3)).add(a)
                    .multiply(s.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            if (s.getAffineX().equals(t.getAffineX())) {
                return ECPoint.POINT_INFINITY;
            }
            lambda = t.getAffineY().subtract(s.getAffineY()).multiply(t.getAffineX().subtract(s.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x = lambda.pow(2).subtract(s.getAffineX()).subtract(t.getAffineX()).mod(p);
        BigInteger y = lambda.multiply(s.getAffineX().subtract(x)).subtract(s.getAffineY()).mod(p);
        return new ECPoint(x, y);
    }
}
