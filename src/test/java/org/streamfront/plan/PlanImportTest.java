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
}
