package org.streamfront.services;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.streamfront.access.TokenSecret;
import org.streamfront.aws.KeyValueStoreData;
import org.streamfront.deploy.TokenGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.streamfront.aws.AwsClients;
import org.streamfront.aws.Retry;
import org.streamfront.address.AddressStore;
import org.streamfront.address.Certificates;
import org.streamfront.address.OwnAddress;
import org.streamfront.address.PublicDns;
import org.streamfront.address.Zones;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.deploy.Distributions;
import org.streamfront.deploy.History;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.utils.Lazy;

/**
 * The deploy services for one AWS sign-in: distributions, and own addresses (ACM, Route 53, public
 * DNS). Each SDK client is built on first use, off the FX thread. With an endpoint override
 * (practice mode, tests) every service, the public DNS included, is the simulators'.
 */
public final class DeployServices implements AutoCloseable {
    /** How often a certificate and public DNS are looked at while waiting: ACM takes minutes, so seconds are plenty. */
    private static final Duration ADDRESS_POLL = Duration.ofSeconds(3);

    private final Lazy<CloudFrontClient> client;
    private final Lazy<AcmClient> acm;
    private final Lazy<Route53Client> route53;
    private final Lazy<OwnAddress.Elsewhere> elsewhere;
    private final Lazy<AcmClient> acmElsewhere;
    private final Distributions distributions;
    private final OwnAddress ownAddress;
    /** Where the app keeps each plan's viewer-token secret (owner-only files), and a file the user named instead. */
    private final Path secretsDir;
    private volatile Path secretFile;

    /** {@code reach} says where this computer reaches a host name (https, or the practice edge): an own address is live only once it answers there. */
    public DeployServices(AwsCredentialsProvider credentials, URI endpointOrNull, Path historyFile, DeployWatcher watcher,
                          Function<String, URI> reach) {
        this.client = new Lazy<>(() -> AwsClients.cloudFront(credentials, endpointOrNull));
        this.acm = new Lazy<>(() -> AwsClients.acm(credentials, endpointOrNull, Region.US_EAST_1));
        this.route53 = new Lazy<>(() -> AwsClients.route53(credentials, endpointOrNull));
        Lazy<Region> ownRegion = new Lazy<>(DeployServices::ownRegion);
        this.acmElsewhere = new Lazy<>(() -> AwsClients.acm(credentials, endpointOrNull, ownRegion.getValue()));
        this.elsewhere = new Lazy<>(() -> ownRegion.getValue() == null || ownRegion.getValue().equals(Region.US_EAST_1) ? null
                : new OwnAddress.Elsewhere(ownRegion.getValue().id(), new Certificates(acmElsewhere::getValue, Retry.standard())));
        Certificates certificates = new Certificates(acm::getValue, Retry.standard());
        this.secretsDir = historyFile.resolveSibling("secrets");
        TokenGate gate = new TokenGate(client::getValue, new KeyValueStoreData(credentials, endpointOrNull), Retry.standard(), this::secretFor);
        this.distributions = new Distributions(client::getValue, History.open(historyFile), Retry.standard(), watcher, certificates::issuedFor, gate);
        PublicDns dns = endpointOrNull == null ? PublicDns.standard() : new PublicDns(endpointOrNull.resolve("/dns/resolve"));
        Zones zones = new Zones(route53::getValue, Retry.standard(), DeployWatcher.pollEvery(Duration.ofSeconds(1)));
        Duration addressPoll = DeployWatcher.pollEvery(endpointOrNull == null ? ADDRESS_POLL : Duration.ofSeconds(1));
        this.ownAddress = new OwnAddress(distributions, certificates, zones, dns, AddressStore.open(historyFile.resolveSibling("addresses.json")),
                addressPoll, elsewhere::getValue, reach);
    }

    /**
     * The region the sign-in's settings name (AWS_REGION, the profile), if any. Not the SDK's whole
     * chain: its last link asks the EC2 instance metadata service, which off EC2 only waits for timeouts.
     */
    private static Region ownRegion() {
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider()).getRegion();
        } catch (RuntimeException none) {
            return null;
        }
    }

    /** The file holding a plan's viewer-token secret when the user named none: in the app's own folder, readable by the user alone. */
    public Path secretFileOf(String planId) {
        return TokenSecret.fileFor(secretsDir, planId);
    }

    /** Reads the viewer-token secret from this file (the command line's --token-secret-file) instead. */
    public void useSecretFile(Path file) {
        this.secretFile = file;
    }

    private Optional<String> secretFor(String planId) throws IOException {
        return TokenSecret.readIfPresent(secretFile != null ? secretFile : secretFileOf(planId));
    }

    public Distributions distributions() {
        return distributions;
    }

    public OwnAddress ownAddress() {
        return ownAddress;
    }

    @Override
    public void close() {
        for (Lazy<? extends SdkClient> c : List.of(client, acm, route53, acmElsewhere)) {
            if (c.hasValue()) {
                c.getValue().close();
            }
        }
    }
}
