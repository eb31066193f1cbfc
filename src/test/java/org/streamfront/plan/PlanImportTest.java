package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;

/** Reading a distribution back into a plan: StreamFront's own come back unchanged, so Review has nothing to apply. */
class PlanImportTest {
    @Test
    void aDistributionStreamFrontMadeReadsBackAsItsPlanWithNothingToApply() {
        Plan plan = PlanIds.ensure(Plan.empty().withName("Sunday service")
                .withOrigin(new Plan.Origin("ams.example.com", "LiveApp", "https-only", 5080, 5443))
                .withCache(new Plan.Cache(Plan.Cache.ALL, false, 2, 120))
                .withErrorPages(List.of(new Plan.ErrorPage(404, 5), new Plan.ErrorPage(503, 1)))
                .withDistribution(new Plan.Distribution("https-only", "PriceClass_All", "Sunday service")));
        DistributionConfig made = DistributionConfigMapper.toConfig(plan);

        PlanImport.Imported back = PlanImport.from("E2ROUNDTRIP0001", made);

        assertThat(back.id()).isEqualTo("E2ROUNDTRIP0001");
        assertThat(back.advice()).isEmpty();
        assertThat(back.plan().origin()).isEqualTo(plan.origin());
        assertThat(back.plan().cache()).isEqualTo(plan.cache());
        assertThat(back.plan().errorPages()).containsExactlyElementsOf(plan.errorPages());
        assertThat(ConfigDiff.between(made, DistributionConfigMapper.toConfig(back.plan().withPlanId(plan.planId())))).isEmpty();
    }

    @Test
    void thePresetPlanReadsBackWithoutAdvice() {
        Plan plan = PlanIds.ensure(Plan.empty().withName("Preset").withOrigin(new Plan.Origin("ams.example.com", null, null, null, null)));
        DistributionConfig made = DistributionConfigMapper.toConfig(plan);
        PlanImport.Imported back = PlanImport.from("E2ROUNDTRIP0002", made);
        assertThat(back.advice()).isEmpty();
        assertThat(ConfigDiff.between(made, DistributionConfigMapper.toConfig(back.plan().withPlanId(plan.planId())))).isEmpty();
    }

    @Test
    void aDistributionWithStreamFrontsViewerCheckReadsBackAsAPlanWithTokens() {
        Plan plan = PlanIds.ensure(Plan.empty().withName("Members").withOrigin(new Plan.Origin("ams.example.com", null, null, null, null)))
                .withAccess(new Plan.Access(Plan.Access.TOKEN));
        DistributionConfig made = DistributionConfigMapper.toConfig(plan, CacheSettings::name,
                "arn:aws:cloudfront::123456789012:function/" + org.streamfront.access.ViewerFunction.functionName(plan.planId()));
        PlanImport.Imported back = PlanImport.from("E2ROUNDTRIP0003", made);
        assertThat(back.plan().access().tokens()).as("an update keeps viewers needing a token").isTrue();
        assertThat(back.advice()).isEmpty();
        assertThat(ConfigDiff.between(made, DistributionConfigMapper.toConfig(back.plan().withPlanId(plan.planId())))).isEmpty();

        DistributionConfig someoneElses = DistributionConfigMapper.toConfig(plan.withAccess(new Plan.Access(Plan.Access.OPEN)), CacheSettings::name, null);
        someoneElses = someoneElses.toBuilder().defaultCacheBehavior(someoneElses.defaultCacheBehavior().toBuilder()
                .functionAssociations(f -> f.quantity(1).items(software.amazon.awssdk.services.cloudfront.model.FunctionAssociation.builder()
                        .functionARN("arn:aws:cloudfront::123456789012:function/my-redirects").eventType("viewer-request").build())).build()).build();
        PlanImport.Imported theirs = PlanImport.from("E2ROUNDTRIP0004", someoneElses);
        assertThat(theirs.plan().access().tokens()).isFalse();
        assertThat(theirs.advice()).anyMatch(a -> a.contains("my-redirects") && a.contains("StreamFront did not make"));
    }
}
