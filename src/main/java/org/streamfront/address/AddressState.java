package org.streamfront.address;

import java.time.Instant;

/**
 * How far adding an own address to a distribution has come, kept on disk after every step so that a
 * run stopped anywhere (closed, killed, timed out) goes on from here. {@code *Ours} say what
 * StreamFront made, which is what removing the address may delete again.
 */
public record AddressState(String distributionId, String host, Phase phase, String certificateArn, boolean certificateOurs,
                           String zoneId, String zoneName, boolean validationRecordOurs, boolean aliasRecordsOurs,
                           String distributionDomain, Instant updated) {
    public enum Phase {
        /** Finding or asking for the certificate. */
        CERTIFICATE,
        /** Waiting for ACM to see the validation record and issue the certificate. */
        VALIDATING,
        /** Adding the address and certificate to the distribution, then waiting for Deployed; with Route 53, writing the alias records. */
        ATTACHING,
        /** Waiting to see the address point at the distribution (in DNS) and be answered by it (a request by name). */
        POINTING,
        /** Seen: the address's DNS points at the distribution and a request to the address was answered by it. */
        LIVE
    }

    public static AddressState start(String distributionId, String host, String distributionDomain) {
        return new AddressState(distributionId, HostNames.normal(host), Phase.CERTIFICATE, null, false, null, null, false, false,
                distributionDomain, Instant.now());
    }

    public boolean viaRoute53() {
        return zoneId != null;
    }

    public Zones.Zone zone() {
        return zoneId == null ? null : new Zones.Zone(zoneId, zoneName);
    }

    public AddressState at(Phase next) {
        return new AddressState(distributionId, host, next, certificateArn, certificateOurs, zoneId, zoneName, validationRecordOurs,
                aliasRecordsOurs, distributionDomain, Instant.now());
    }

    /** About to ask ACM for a certificate: whatever it makes for this name from now on is StreamFront's. */
    public AddressState asking() {
        return new AddressState(distributionId, host, phase, certificateArn, true, zoneId, zoneName, validationRecordOurs,
                aliasRecordsOurs, distributionDomain, Instant.now());
    }

    public AddressState withCertificate(String arn, boolean ours) {
        return new AddressState(distributionId, host, Phase.VALIDATING, arn, ours, zoneId, zoneName, validationRecordOurs,
                aliasRecordsOurs, distributionDomain, Instant.now());
    }

    public AddressState withZone(Zones.Zone zone) {
        return new AddressState(distributionId, host, phase, certificateArn, certificateOurs, zone == null ? null : zone.id(),
                zone == null ? null : zone.name(), validationRecordOurs, aliasRecordsOurs, distributionDomain, Instant.now());
    }

    public AddressState withValidationRecordWritten() {
        return new AddressState(distributionId, host, phase, certificateArn, certificateOurs, zoneId, zoneName, true,
                aliasRecordsOurs, distributionDomain, Instant.now());
    }

    public AddressState withAliasRecordsWritten() {
        return new AddressState(distributionId, host, Phase.POINTING, certificateArn, certificateOurs, zoneId, zoneName,
                validationRecordOurs, true, distributionDomain, Instant.now());
    }
}
