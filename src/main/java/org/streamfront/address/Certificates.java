package org.streamfront.address;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.streamfront.aws.Retry;
import org.streamfront.deploy.Progress;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/** Certificates in ACM: in us-east-1, the only region whose certificates CloudFront accepts. */
public final class Certificates {
    private final Supplier<AcmClient> client;
    private final Retry retry;

    public Certificates(Supplier<AcmClient> client, Retry retry) {
        this.client = client;
        this.retry = retry;
    }

    /** A certificate, as StreamFront needs to know it: its status, the record that proves the domain, and its users. */
    public record Certificate(String arn, String domain, String status, Optional<DnsRecord> validation, List<String> inUseBy) {
        public boolean issued() {
            return status.equals(CertificateStatus.ISSUED.toString());
        }

        public boolean pending() {
            return status.equals(CertificateStatus.PENDING_VALIDATION.toString());
        }

        /** Failed, timed out, revoked or expired: waiting longer will not help. */
        public boolean hopeless() {
            return !issued() && !pending();
        }

        static Certificate of(CertificateDetail d) {
            Optional<DnsRecord> record = d.domainValidationOptions() == null ? Optional.empty()
                    : d.domainValidationOptions().stream().filter(o -> o.resourceRecord() != null).findFirst()
                    .map(o -> new DnsRecord(o.resourceRecord().name(), o.resourceRecord().typeAsString(), o.resourceRecord().value()));
            return new Certificate(d.certificateArn(), d.domainName(), d.statusAsString(), record,
                    d.inUseBy() == null ? List.of() : List.copyOf(d.inUseBy()));
        }
    }

    /** A certificate still pending for exactly this name: asked for earlier, perhaps by a run that stopped. */
    public Optional<String> pendingFor(String host, Progress progress) throws Exception {
        return list(progress).stream().filter(c -> c.statusAsString().equals("PENDING_VALIDATION"))
                .filter(c -> HostNames.normal(c.domainName()).equals(HostNames.normal(host))).map(CertificateSummary::certificateArn).findFirst();
    }

    /** The ARN of an issued certificate covering every one of {@code hosts}, if there is one. */
    public Optional<String> issuedFor(List<String> hosts, Progress progress) throws Exception {
        return list(progress).stream().filter(c -> c.statusAsString().equals("ISSUED"))
                .filter(c -> hosts.stream().allMatch(h -> names(c).stream().anyMatch(n -> HostNames.covers(n, h))))
                .map(CertificateSummary::certificateArn).findFirst();
    }

    /** Certificates in this client's region that cover the host, whatever their status. */
    public List<String> covering(String host, Progress progress) throws Exception {
        return list(progress).stream().filter(c -> names(c).stream().anyMatch(n -> HostNames.covers(n, host)))
                .map(CertificateSummary::certificateArn).toList();
    }

    private List<CertificateSummary> list(Progress progress) throws Exception {
        return retry.call("list certificates", () -> client.get().listCertificatesPaginator(b -> b.maxItems(100)).stream()
                .flatMap(p -> p.certificateSummaryList().stream()).toList(), progress);
    }

    private static List<String> names(CertificateSummary c) {
        return c.hasSubjectAlternativeNameSummaries() && !c.subjectAlternativeNameSummaries().isEmpty()
                ? c.subjectAlternativeNameSummaries() : List.of(c.domainName());
    }

    /**
     * Asks for a DNS-validated certificate. The idempotency token comes from the distribution and the
     * name, so a request repeated after a crash (within ACM's hour) gets the same certificate back.
     */
    public String request(String host, String distributionId, Progress progress) throws Exception {
        String token = token(distributionId + " " + HostNames.normal(host));
        return retry.call("request certificate", () -> client.get().requestCertificate(b -> b.domainName(HostNames.normal(host))
                .validationMethod(ValidationMethod.DNS).idempotencyToken(token)).certificateArn(), progress);
    }

    public Certificate describe(String arn, Progress progress) throws Exception {
        return retry.call("read certificate", () -> Certificate.of(client.get().describeCertificate(b -> b.certificateArn(arn)).certificate()),
                progress);
    }

    /** Deletes a certificate nobody uses; one in use elsewhere, or already gone, is left. True when deleted. */
    public boolean deleteIfUnused(String arn, Progress progress) throws Exception {
        try {
            if (!describe(arn, progress).inUseBy().isEmpty()) {
                return false;
            }
            retry.call("delete certificate", () -> client.get().deleteCertificate(b -> b.certificateArn(arn)), progress);
            return true;
        } catch (ResourceNotFoundException gone) {
            return false;
        }
    }

    /** ACM's tokens are at most 32 word characters. */
    static String token(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
