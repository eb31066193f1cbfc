package org.streamfront.address;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.streamfront.Messages;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.Progress;
import org.streamfront.deploy.Snapshot;
import org.streamfront.origin.HttpGet;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudfront.model.CnameAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;

/**
 * Serves a distribution at the user's own address: a certificate from ACM in us-east-1 (found or
 * asked for), proved by a DNS record (written to Route 53, or added by the user and watched in
 * public DNS), then the address and certificate on the distribution, with Route 53 the alias
 * records, and last the proof: the address seen pointing at the distribution and answered by it.
 * Each step is saved before the next, so {@link #add} run again goes on where it stopped.
 */
public final class OwnAddress {
    private final Distributions distributions;
    private final Certificates certificates;
    private final Zones zones;
    private final PublicDns dns;
    private final AddressStore store;
    private final Duration pollInterval;
    /** ACM in the sign-in's own region when that is not us-east-1 (null otherwise): where certificates asked for by hand often end up. */
    private final Supplier<Elsewhere> otherRegion;
    /** Where this computer reaches a host name: {@code https://host}, or in practice the practice edge's address for it. */
    private final Function<String, URI> reach;

    /** Certificates in another region than us-east-1, and its name. */
    public record Elsewhere(String region, Certificates certificates) {
    }

    public OwnAddress(Distributions distributions, Certificates certificates, Zones zones, PublicDns dns, AddressStore store,
                      Duration pollInterval, Supplier<Elsewhere> otherRegion, Function<String, URI> reach) {
        this.distributions = distributions;
        this.certificates = certificates;
        this.zones = zones;
        this.dns = dns;
        this.store = store;
        this.pollInterval = pollInterval;
        this.otherRegion = otherRegion;
        this.reach = reach;
    }

    /** Hears what a run sees, beyond its log lines: the saved state and, while waiting, each record against public DNS. */
    public interface Listener extends Progress {
        default void changed(AddressState state, List<RecordCheck> records) {
        }

        /** Something worth knowing that does not stop the run (a certificate found in the wrong region). */
        default void note(String text) {
        }
    }

    /** Bad input or a state where going on cannot help; the message says what to do, in plain words. */
    public static final class AddressException extends Exception {
        public AddressException(String message) {
            super(message);
        }
    }

    /** A record the address needs, what public DNS shows for it, and whether that is the record. */
    public record RecordCheck(DnsRecord expected, PublicDns.Seen seen, boolean present, boolean writtenByStreamFront) {
        public String line() {
            return Messages.get(present ? "domain.record.seen" : "domain.record.notSeen", expected.toString(), seen.describe());
        }
    }

    /** What the checks before anything is made found: the address, where its DNS is, anything worth knowing. */
    public record Checked(String host, String distributionDomain, Optional<Zones.Zone> zone, List<String> notes) {
    }

    public AddressStore store() {
        return store;
    }

    /**
     * Checks before anything is made: the name, the distribution, that no other distribution uses the
     * name, where the name's DNS is (with {@code route53}: a hosted zone must exist), the bare-domain
     * rule, and certificates requested by hand in the wrong region.
     */
    public Checked check(String id, String typedHost, boolean route53, Progress progress) throws Exception {
        Optional<String> bad = HostNames.problem(typedHost);
        if (bad.isPresent()) {
            throw new AddressException(bad.get());
        }
        String host = HostNames.normal(typedHost);
        Snapshot target = distributions.get(id, progress);
        for (Snapshot other : distributions.listAll(progress)) {
            if (!other.id().equals(id) && other.aliases().contains(host)) {
                throw new AddressException(Messages.get("domain.usedElsewhere", host, other.id()));
            }
        }
        Optional<Zones.Zone> zone = route53 ? zones.zoneFor(host, progress) : Optional.empty();
        if (route53 && zone.isEmpty()) {
            throw new AddressException(Messages.get("domain.noZone", host));
        }
        if (zone.isEmpty() && HostNames.isApex(host)) {
            throw new AddressException(Messages.get("domain.apex", host));
        }
        List<String> notes = new ArrayList<>();
        Elsewhere elsewhere = otherRegion.get();
        if (elsewhere != null) {
            for (String arn : elsewhere.certificates().covering(host, progress)) {
                notes.add(Messages.get("domain.wrongRegion", host, elsewhere.region(), arn));
            }
        }
        notes.forEach(progress::log);
        return new Checked(host, target.domain(), zone, notes);
    }

    /** Whether the account has a Route 53 hosted zone for the name: the step offers to write the records then. */
    public Optional<Zones.Zone> zoneFor(String host, Progress progress) throws Exception {
        return zones.zoneFor(HostNames.normal(host), progress);
    }

    /**
     * Adds the address, or goes on with the one under way for this distribution. Returns once the
     * distribution serves it (LIVE); throws TimeoutException when {@code timeout} passes first (null: no
     * limit) and AddressException when ACM gave up on the validation, saying what DNS shows.
     */
    public AddressState add(String id, String typedHost, boolean route53, Listener listener, Duration timeout) throws Exception {
        String host = HostNames.normal(typedHost);
        Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
        Optional<AddressState> saved = store.of(id).filter(s -> s.host().equals(host));
        if (store.of(id).isPresent() && saved.isEmpty()) {
            throw new AddressException(Messages.get("domain.otherUnderWay", store.of(id).get().host(), id));
        }
        AddressState state;
        if (saved.isPresent()) {
            state = saved.get();
            listener.log(Messages.get("domain.log.resuming", host, phaseInWords(state.phase())));
        } else {
            Checked checked = check(id, host, route53, listener);
            checked.notes().forEach(listener::note);
            state = AddressState.start(id, host, checked.distributionDomain()).withZone(checked.zone().orElse(null));
            store.put(state);
        }
        listener.changed(state, List.of());
        if (state.phase() == AddressState.Phase.CERTIFICATE) {
            state = certificate(state, listener);
        }
        if (state.phase() == AddressState.Phase.VALIDATING) {
            state = validate(state, listener, deadline);
        }
        if (state.phase() == AddressState.Phase.ATTACHING) {
            state = attach(state, listener, deadline);
        }
        if (state.phase() == AddressState.Phase.POINTING) {
            state = awaitServing(state, listener, deadline);
        }
        return state;
    }

    /**
     * An issued certificate covering the name is used as it is (not ours to delete). Else one pending
     * for exactly the name is taken up, and it is ours when this run had started asking (the ask is
     * saved before it is sent, so a crash between ACM making it and the answer arriving loses nothing).
     */
    private AddressState certificate(AddressState state, Listener listener) throws Exception {
        Optional<String> issued = certificates.issuedFor(List.of(state.host()), listener);
        Optional<String> pending = issued.isPresent() ? Optional.empty() : certificates.pendingFor(state.host(), listener);
        AddressState next;
        if (issued.isPresent() || pending.isPresent()) {
            String arn = issued.orElseGet(pending::get);
            listener.log(Messages.get("domain.log.reusing", arn));
            next = state.withCertificate(arn, issued.isEmpty() && state.certificateOurs());
        } else {
            listener.log(Messages.get("domain.log.requesting", state.host()));
            store.put(state.asking());
            next = state.withCertificate(certificates.request(state.host(), state.distributionId(), listener), true);
        }
        store.put(next);
        listener.changed(next, List.of());
        return next;
    }

    private AddressState validate(AddressState state, Listener listener, Instant deadline) throws Exception {
        String lastSeen = null;
        while (true) {
            Certificates.Certificate cert = certificates.describe(state.certificateArn(), listener);
            if (cert.issued()) {
                listener.log(Messages.get("domain.log.issued"));
                AddressState next = state.at(AddressState.Phase.ATTACHING);
                store.put(next);
                return next;
            }
            List<RecordCheck> checks = List.of();
            if (cert.validation().isPresent()) {
                DnsRecord record = cert.validation().get();
                if (state.viaRoute53() && !state.validationRecordOurs()) {
                    listener.log(Messages.get("domain.log.writing", record.toString(), state.zoneName()));
                    zones.upsertCname(state.zone(), record, listener);
                    state = state.withValidationRecordWritten();
                    store.put(state);
                }
                checks = checks(state, cert);
                if (cert.hopeless()) {
                    throw new AddressException(Messages.get("domain.validationFailed", cert.status(), checks.getFirst().seen().describe(),
                            record.toString()));
                }
                String seen = checks.getFirst().line();
                if (!seen.equals(lastSeen)) {
                    listener.log(seen);
                    lastSeen = seen;
                }
            } else if (cert.hopeless()) {
                throw new AddressException(Messages.get("domain.validationFailed", cert.status(), "-", "-"));
            }
            listener.changed(state, checks);
            if (deadline != null && Instant.now().plus(pollInterval).isAfter(deadline)) {
                throw new TimeoutException(Messages.get("domain.timeout.validation", state.distributionId(), state.host()));
            }
            Thread.sleep(pollInterval);
        }
    }

    private AddressState attach(AddressState state, Listener listener, Instant deadline) throws Exception {
        Snapshot now = distributions.get(state.distributionId(), listener);
        List<String> aliases = new ArrayList<>(now.aliases());
        if (!aliases.contains(state.host())) {
            aliases.add(state.host());
        }
        listener.log(Messages.get("domain.log.attaching", state.host(), state.distributionId()));
        try {
            distributions.setAliases(state.distributionId(), aliases, state.certificateArn(), listener);
        } catch (CnameAlreadyExistsException taken) {
            throw new AddressException(Messages.get("domain.usedElsewhere", state.host(), Messages.get("domain.anotherDistribution")));
        }
        distributions.awaitDeployed(state.distributionId(), listener, remaining(deadline));
        AddressState next;
        if (state.viaRoute53()) {
            listener.log(Messages.get("domain.log.aliasRecords", state.host(), state.zoneName()));
            zones.upsertAlias(state.zone(), state.host(), state.distributionDomain(), listener);
            next = state.withAliasRecordsWritten();
        } else {
            next = state.at(AddressState.Phase.POINTING);
        }
        store.put(next);
        return next;
    }

    /**
     * LIVE only when seen: the address's DNS points at the distribution (the CNAME in public DNS, or
     * the alias records read back from the Route 53 zone, since public DNS shows an alias as
     * CloudFront's addresses) and a request to the address, by its name, is answered by CloudFront
     * for this name. Until then it says what it waits for, and gives up at the deadline.
     */
    private AddressState awaitServing(AddressState state, Listener listener, Instant deadline) throws Exception {
        String lastSaid = null;
        while (true) {
            List<RecordCheck> checks = checks(state, null);
            boolean pointing = state.viaRoute53() ? zones.hasAlias(state.zone(), state.host(), state.distributionDomain(), listener)
                    : checks.stream().allMatch(RecordCheck::present);
            Optional<String> answered = pointing ? answeredByName(state.host()) : Optional.empty();
            if (pointing && answered.isEmpty()) {
                AddressState live = state.at(AddressState.Phase.LIVE);
                store.put(live);
                checks.forEach(c -> listener.log(c.line()));
                listener.changed(live, checks);
                listener.log(Messages.get("domain.log.live", live.host()));
                return live;
            }
            String waiting = !pointing ? (state.viaRoute53() ? Messages.get("domain.wait.alias", state.host(), state.zoneName())
                    : Messages.get("domain.wait.cname", checks.getFirst().line()))
                    : Messages.get("domain.wait.answer", state.host(), answered.get());
            if (!waiting.equals(lastSaid)) {
                listener.log(waiting);
                lastSaid = waiting;
            }
            listener.changed(state, checks);
            if (deadline != null && Instant.now().plus(pollInterval).isAfter(deadline)) {
                throw new TimeoutException(Messages.get("domain.timeout.pointing", state.distributionId(), state.host(), waiting));
            }
            Thread.sleep(pollInterval);
        }
    }

    /**
     * Empty when a request to the host was answered by CloudFront as a name it serves; otherwise what
     * came back instead. Real addresses go over HTTPS, so the certificate is checked for the name too.
     */
    Optional<String> answeredByName(String host) throws InterruptedException {
        HttpGet.Answer answer = HttpGet.get(reach.apply(host).resolve("/"), Duration.ofSeconds(8));
        if (answer.failure() != null) {
            return Optional.of(answer.failureInWords());
        }
        boolean cloudFront = answer.header("Via").map(v -> v.toLowerCase(Locale.ROOT).contains("cloudfront")).orElse(false)
                || answer.header("X-Amz-Cf-Id").isPresent();
        // CloudFront answers a name no distribution has with 403 and "Error from cloudfront".
        boolean unknownName = answer.status() == 403 && answer.header("X-Cache").orElse("").startsWith("Error");
        return cloudFront && !unknownName ? Optional.empty() : Optional.of(answer.facts("Via", "X-Cache"));
    }

    /** What is left of the time allowed (null: no limit); never negative. */
    private static Duration remaining(Instant deadline) {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * The records the address needs, each against public DNS: the validation CNAME (while the
     * certificate is pending) and, without Route 53, the CNAME from the address to the distribution.
     */
    public List<RecordCheck> checks(AddressState state, Certificates.Certificate cert) throws InterruptedException {
        List<RecordCheck> out = new ArrayList<>();
        if (cert != null && !cert.issued() && cert.validation().isPresent()) {
            out.add(check(cert.validation().get(), state.validationRecordOurs()));
        }
        if (!state.viaRoute53()) {
            out.add(check(new DnsRecord(state.host(), "CNAME", state.distributionDomain()), false));
        }
        return out;
    }

    private RecordCheck check(DnsRecord expected, boolean ours) throws InterruptedException {
        PublicDns.Seen seen = dns.lookup(expected.name(), expected.type());
        return new RecordCheck(expected, seen, seen.values().contains(expected.value()), ours);
    }

    /** The address under way or in place for a distribution, with its certificate and records as they are now. */
    public record Status(AddressState state, Certificates.Certificate certificate, List<RecordCheck> records) {
    }

    public Optional<Status> status(String id, Progress progress) throws Exception {
        Optional<AddressState> state = store.of(id);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        Certificates.Certificate cert = state.get().certificateArn() == null ? null : certificates.describe(state.get().certificateArn(), progress);
        return Optional.of(new Status(state.get(), cert, checks(state.get(), cert)));
    }

    /**
     * Takes the address off the distribution (waiting for Deployed), then deletes what StreamFront
     * made for it: the Route 53 records, and unless kept the certificate, which ACM refuses to delete
     * while any distribution still uses it.
     */
    public void remove(String id, boolean keepCertificate, Progress progress, Duration timeout) throws Exception {
        AddressState state = store.of(id).orElseThrow(() -> new AddressException(Messages.get("domain.none", id)));
        Snapshot now = distributions.get(id, progress);
        if (now.aliases().contains(state.host())) {
            List<String> rest = new ArrayList<>(now.aliases());
            rest.remove(state.host());
            progress.log(Messages.get("domain.log.detaching", state.host(), id));
            distributions.setAliases(id, rest, rest.isEmpty() ? null : state.certificateArn(), progress);
            distributions.awaitDeployed(id, progress, timeout);
        }
        cleanUp(state, keepCertificate, progress);
    }

    /** After a teardown: the distribution is gone, so only what StreamFront made for its address is left to delete. */
    public void cleanUpAfterTeardown(String id, boolean keepCertificate, Progress progress) throws Exception {
        Optional<AddressState> state = store.of(id);
        if (state.isPresent()) {
            cleanUp(state.get(), keepCertificate, progress);
        }
    }

    private void cleanUp(AddressState state, boolean keepCertificate, Progress progress) throws Exception {
        if (state.viaRoute53() && state.aliasRecordsOurs()) {
            deleteQuietly(() -> zones.deleteAlias(state.zone(), state.host(), state.distributionDomain(), progress));
            progress.log(Messages.get("domain.log.recordsDeleted", state.host(), state.zoneName()));
        }
        if (state.certificateArn() != null && state.viaRoute53() && state.validationRecordOurs()) {
            Optional<DnsRecord> record;
            try {
                record = certificates.describe(state.certificateArn(), progress).validation();
            } catch (ResourceNotFoundException certificateGone) {
                record = Optional.empty(); // deleted by an earlier run that stopped before forgetting; its record went first
            }
            if (record.isPresent()) {
                DnsRecord r = record.get();
                deleteQuietly(() -> zones.deleteCname(state.zone(), r, progress));
            }
        }
        if (state.certificateArn() != null && state.certificateOurs() && !keepCertificate) {
            progress.log(certificates.deleteIfUnused(state.certificateArn(), progress)
                    ? Messages.get("domain.log.certificateDeleted") : Messages.get("domain.log.certificateKept"));
        }
        store.forget(state.distributionId());
    }

    private interface Step {
        void run() throws Exception;
    }

    /** A record already gone (deleted by hand, or by an earlier run that stopped) is what we wanted. */
    private static void deleteQuietly(Step step) throws Exception {
        try {
            step.run();
        } catch (InvalidChangeBatchException alreadyGone) {
            // nothing to delete
        }
    }

    public static String phaseInWords(AddressState.Phase phase) {
        return Messages.get("domain.phase." + phase.name());
    }
}
