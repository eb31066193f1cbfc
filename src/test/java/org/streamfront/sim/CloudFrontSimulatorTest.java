package org.streamfront.sim;

import org.streamfront.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.streamfront.aws.AwsClients;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanRulesTest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.InvalidArgumentException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import org.streamfront.testing.SimulatorExtension;

/** The CloudFront simulator as the real AWS SDK client sees it, through an endpoint override. */
class CloudFrontSimulatorTest {
    @RegisterExtension
    final SimulatorExtension cloudFront = new SimulatorExtension();
    private final CloudFrontSimulator sim = cloudFront.sim;
    private final CloudFrontClient client = cloudFront.client;


    private static Plan plan(String id) {
        return PlanRulesTest.valid().withPlanId(id).withStream(new Plan.Stream("stream1"));
    }

    private String create(String planId) {
        Plan p = plan(planId);
        return client.createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c
                .distributionConfig(Configs.sendable(client, p)).tags(DistributionConfigMapper.tags(p))))
                .distribution().id();
    }

    /** An own-address update checks its certificate while someone looks the certificate up: both are answered. */
    @Test
    void anUpdateThatChecksItsCertificateAndALookAtThatCertificateBothAnswer() throws Exception {
        String id = create("sf-both");
        String arn = sim.issuedCertificate("live.example.org");
        try (var acm = AwsClients.acm(PracticeWorld.CREDENTIALS, sim.uri(), Region.US_EAST_1)) {
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                callers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 60; i++) {
                        try {
                            var current = client.getDistributionConfig(b -> b.id(id));
                            client.updateDistribution(b -> b.id(id).ifMatch(current.eTag()).distributionConfig(current.distributionConfig()
                                    .toBuilder().aliases(x -> x.quantity(1).items("live.example.org"))
                                    .viewerCertificate(v -> v.acmCertificateArn(arn).sslSupportMethod("sni-only").minimumProtocolVersion("TLSv1.2_2021"))
                                    .build()));
                        } catch (PreconditionFailedException anotherUpdateCameFirst) {
                            // four callers update one distribution: one of them wins each round
                        }
                    }
                }, Executors.newVirtualThreadPerTaskExecutor()));
                callers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 150; i++) {
                        assertThat(acm.describeCertificate(b -> b.certificateArn(arn)).certificate().statusAsString()).isEqualTo("ISSUED");
                    }
                }, Executors.newVirtualThreadPerTaskExecutor()));
            }
            CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        assertThat(client.getDistributionConfig(b -> b.id(id)).distributionConfig().aliases().items()).containsExactly("live.example.org");
    }

    @Test
    void createReturnsARealisticDistributionThatIsInProgressThenDeployed() {
        sim.deployDelay(Duration.ofHours(1));
        var created = client.createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c
                .distributionConfig(Configs.sendable(client, plan("sf-a"))).tags(DistributionConfigMapper.tags(plan("sf-a")))));
        assertThat(created.distribution().id()).matches("E[A-Z0-9]{13}");
        assertThat(created.distribution().domainName()).matches("d[a-z0-9]{13}\\.cloudfront\\.net");
        assertThat(created.distribution().arn()).isEqualTo("arn:aws:cloudfront::123456789012:distribution/" + created.distribution().id());
        assertThat(created.distribution().status()).isEqualTo("InProgress");
        assertThat(created.eTag()).isNotBlank();
        assertThat(created.location()).endsWith("/2020-05-31/distribution/" + created.distribution().id());
        DistributionConfig echoed = created.distribution().distributionConfig();
        assertThat(echoed).isEqualTo(Configs.sendable(client, plan("sf-a")));

        String id = created.distribution().id();
        sim.finishDeployment(id);
        assertThat(client.getDistribution(r -> r.id(id)).distribution().status()).isEqualTo("Deployed");
        assertThat(client.listTagsForResource(r -> r.resource(created.distribution().arn())).tags().items())
                .extracting(Tag::key).contains("streamfront:plan-id", "created-by");
    }

    @Test
    void reusedCallerReferenceIsRefused() {
        create("sf-same");
        assertThatThrownBy(() -> create("sf-same")).isInstanceOf(DistributionAlreadyExistsException.class);
        assertThat(sim.distributionCount()).isEqualTo(1);
    }

    @Test
    void invalidOriginsAreRefusedAsCloudFrontDoes() {
        DistributionConfig good = Configs.sendable(client, plan("sf-ip"));
        var ip = good.toBuilder().origins(o -> o.quantity(1).items(good.origins().items().getFirst().toBuilder()
                .domainName("3.120.1.2").build())).build();
        assertThatThrownBy(() -> client.createDistribution(r -> r.distributionConfig(ip)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cannot be an IP address");
        var path = good.toBuilder().origins(o -> o.quantity(1).items(good.origins().items().getFirst().toBuilder()
                .originPath("WebRTCAppEE").build())).build();
        assertThatThrownBy(() -> client.createDistribution(r -> r.distributionConfig(path)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("must begin with a slash");
        var port = good.toBuilder().origins(o -> o.quantity(1).items(good.origins().items().getFirst().toBuilder()
                .customOriginConfig(c -> c.httpPort(99).httpsPort(5443).originProtocolPolicy("http-only")).build())).build();
        assertThatThrownBy(() -> client.createDistribution(r -> r.distributionConfig(port)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("HTTPPort");
        assertThat(sim.distributionCount()).isZero();
    }

    @Test
    void listPagesThroughAllDistributions() {
        for (int i = 0; i < 5; i++) {
            create("sf-" + i);
        }
        var first = client.listDistributions(r -> r.maxItems("2")).distributionList();
        assertThat(first.items()).hasSize(2);
        assertThat(first.isTruncated()).isTrue();
        var all = client.listDistributionsPaginator(r -> r.maxItems("2")).stream()
                .flatMap(page -> page.distributionList().items().stream())
                .map(DistributionSummary::comment).toList();
        assertThat(all).hasSize(5).allSatisfy(c -> assertThat(c).contains("[streamfront sf-"));
    }

    @Test
    void disableWaitDeleteWithETags() {
        sim.deployDelay(Duration.ofHours(1));
        String id = create("sf-del");
        var config = client.getDistributionConfig(r -> r.id(id));
        assertThatThrownBy(() -> client.deleteDistribution(r -> r.id(id).ifMatch(config.eTag())))
                .isInstanceOf(DistributionNotDisabledException.class);
        assertThatThrownBy(() -> client.updateDistribution(r -> r.id(id).ifMatch("EWRONG")
                .distributionConfig(config.distributionConfig().toBuilder().enabled(false).build())))
                .isInstanceOf(PreconditionFailedException.class);
        var updated = client.updateDistribution(r -> r.id(id).ifMatch(config.eTag())
                .distributionConfig(config.distributionConfig().toBuilder().enabled(false).build()));
        assertThat(updated.distribution().status()).isEqualTo("InProgress");
        assertThat(updated.eTag()).isNotEqualTo(config.eTag());
        assertThatThrownBy(() -> client.deleteDistribution(r -> r.id(id).ifMatch(updated.eTag())))
                .as("still InProgress").isInstanceOf(DistributionNotDisabledException.class);
        sim.finishDeployment(id);
        assertThatThrownBy(() -> client.deleteDistribution(r -> r.id(id).ifMatch(config.eTag())))
                .as("old ETag").isInstanceOf(PreconditionFailedException.class);
        client.deleteDistribution(r -> r.id(id).ifMatch(updated.eTag()));
        assertThatThrownBy(() -> client.getDistribution(r -> r.id(id))).isInstanceOf(NoSuchDistributionException.class);
    }

    @Test
    void deniedTaggingRefusesCreateWithTagsButNotCreate() {
        sim.deny("TagResource");
        assertThatThrownBy(() -> create("sf-deny"))
                .isInstanceOf(CloudFrontException.class)
                .satisfies(e -> assertThat(((CloudFrontException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"))
                .hasMessageContaining("cloudfront:TagResource");
        client.createDistribution(r -> r.distributionConfig(Configs.sendable(client, plan("sf-deny"))));
        assertThat(sim.distributionCount()).isEqualTo(1);
    }

    @Test
    void injectedFaultsLookLikeTheRealOnes() {
        String id = create("sf-fault");
        sim.inject(SimFault.THROTTLING, "GetDistribution");
        assertThatThrownBy(() -> client.getDistribution(r -> r.id(id)))
                .isInstanceOfSatisfying(CloudFrontException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                });
        sim.inject(SimFault.SERVICE_UNAVAILABLE, "*");
        assertThatThrownBy(() -> client.getDistribution(r -> r.id(id)))
                .isInstanceOfSatisfying(CloudFrontException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(client.getDistribution(r -> r.id(id)).distribution().id()).isEqualTo(id);

        sim.inject(SimFault.DROP_AFTER, "CreateDistributionWithTags");
        assertThatThrownBy(() -> create("sf-dropped")).isInstanceOf(SdkClientException.class);
        assertThat(sim.distributionCount()).as("applied before the connection dropped").isEqualTo(2);
        sim.inject(SimFault.DROP_BEFORE, "CreateDistributionWithTags");
        assertThatThrownBy(() -> create("sf-never")).isInstanceOf(SdkClientException.class);
        assertThat(sim.distributionCount()).as("dropped before it was carried out").isEqualTo(2);
    }

    @Test
    void stsSaysWhoYouAre() {
        try (var sts = AwsClients.sts(PracticeWorld.CREDENTIALS, sim.uri())) {
            var me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo(CloudFrontSimulator.ACCOUNT_ID);
            assertThat(me.arn()).isEqualTo(CloudFrontSimulator.IDENTITY_ARN);
        }
    }
}
