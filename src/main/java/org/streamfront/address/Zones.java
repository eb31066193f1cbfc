package org.streamfront.address;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.streamfront.aws.Retry;
import org.streamfront.deploy.Progress;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Route 53 hosted zones: finding the one for a name, and writing the records StreamFront needs there. */
public final class Zones {
    /** The hosted zone id Route 53 gives every CloudFront distribution as an alias target. */
    public static final String CLOUDFRONT_ALIAS_ZONE = "Z2FDTNDATAQYW2";
    private static final Duration TTL = Duration.ofMinutes(5);

    private final Supplier<Route53Client> client;
    private final Retry retry;
    private final Duration pollInterval;

    public Zones(Supplier<Route53Client> client, Retry retry, Duration pollInterval) {
        this.client = client;
        this.retry = retry;
        this.pollInterval = pollInterval;
    }

    /** A public hosted zone: its id (without "/hostedzone/") and name. */
    public record Zone(String id, String name) {
    }

    /** The account's public hosted zone closest to the host (live.example.org → example.org), if any. */
    public Optional<Zone> zoneFor(String host, Progress progress) throws Exception {
        for (String candidate : HostNames.zoneCandidates(host)) {
            List<HostedZone> page = retry.call("find hosted zone", () -> client.get()
                    .listHostedZonesByName(b -> b.dnsName(candidate).maxItems("10")).hostedZones(), progress);
            Optional<Zone> exact = page.stream()
                    .filter(z -> HostNames.normal(z.name()).equals(candidate))
                    .filter(z -> z.config() == null || !Boolean.TRUE.equals(z.config().privateZone()))
                    .findFirst().map(z -> new Zone(z.id().replace("/hostedzone/", ""), candidate));
            if (exact.isPresent()) {
                return exact;
            }
        }
        return Optional.empty();
    }

    /** The validation CNAME, written (or rewritten) so that repeating it after a crash does no harm. */
    public void upsertCname(Zone zone, DnsRecord record, Progress progress) throws Exception {
        change(zone, ChangeAction.UPSERT, List.of(cname(record)), progress);
    }

    /** A and AAAA alias records from the host to the distribution: what the apex needs, and the cheapest lookups. */
    public void upsertAlias(Zone zone, String host, String distributionDomain, Progress progress) throws Exception {
        change(zone, ChangeAction.UPSERT, aliases(host, distributionDomain), progress);
    }

    /** Whether the zone holds the alias record from the host to the distribution, read back from Route 53 itself. */
    public boolean hasAlias(Zone zone, String host, String distributionDomain, Progress progress) throws Exception {
        String name = HostNames.normal(host) + ".";
        List<ResourceRecordSet> sets = retry.call("read DNS records", () -> client.get().listResourceRecordSets(b -> b
                .hostedZoneId(zone.id()).startRecordName(name).startRecordType(RRType.A).maxItems("2")).resourceRecordSets(), progress);
        return sets.stream().anyMatch(s -> s.name().equalsIgnoreCase(name) && s.type() == RRType.A && s.aliasTarget() != null
                && HostNames.normal(s.aliasTarget().dnsName()).equals(HostNames.normal(distributionDomain)));
    }

    public void deleteCname(Zone zone, DnsRecord record, Progress progress) throws Exception {
        change(zone, ChangeAction.DELETE, List.of(cname(record)), progress);
    }

    public void deleteAlias(Zone zone, String host, String distributionDomain, Progress progress) throws Exception {
        change(zone, ChangeAction.DELETE, aliases(host, distributionDomain), progress);
    }

    private static ResourceRecordSet cname(DnsRecord record) {
        return ResourceRecordSet.builder().name(record.name() + ".").type(RRType.CNAME).ttl(TTL.toSeconds())
                .resourceRecords(r -> r.value(record.value() + ".")).build();
    }

    private static List<ResourceRecordSet> aliases(String host, String distributionDomain) {
        return List.of(RRType.A, RRType.AAAA).stream().map(type -> ResourceRecordSet.builder().name(HostNames.normal(host) + ".").type(type)
                .aliasTarget(a -> a.hostedZoneId(CLOUDFRONT_ALIAS_ZONE).dnsName(distributionDomain + ".").evaluateTargetHealth(false))
                .build()).toList();
    }

    /** One batch, applied whole, then waited for until Route 53's servers all have it. */
    private void change(Zone zone, ChangeAction action, List<ResourceRecordSet> sets, Progress progress) throws Exception {
        List<Change> changes = sets.stream().map(s -> Change.builder().action(action).resourceRecordSet(s).build()).toList();
        String changeId = retry.call("change DNS records", () -> client.get().changeResourceRecordSets(b -> b.hostedZoneId(zone.id())
                .changeBatch(c -> c.changes(changes))).changeInfo().id(), progress);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (retry.call("read DNS change", () -> client.get().getChange(b -> b.id(changeId)).changeInfo().status(), progress)
                != ChangeStatus.INSYNC) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("Route 53 change " + changeId + " is still pending after 5 minutes");
            }
            Thread.sleep(pollInterval);
        }
    }
}
