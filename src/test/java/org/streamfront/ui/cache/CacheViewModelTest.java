package org.streamfront.ui.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.streamfront.plan.Plan;
import org.streamfront.plan.ShieldRegions;
import org.streamfront.ui.wizard.PlanForm;

/** The Cache step's Origin Shield and timeout settings, without its window. */
class CacheViewModelTest {
    private final PlanForm form = new PlanForm();
    private final CacheViewModel model = new CacheViewModel(form, java.nio.file.Path.of("target", "no-secrets"));

    @Test
    void originShieldIsSuggestedInTheRegionAnEc2NameSays() {
        form.domain.set("ec2-3-120-1-2.eu-central-1.compute.amazonaws.com");
        assertThat(model.suggestedRegion.get()).isEqualTo("eu-central-1");
        assertThat(form.toPlan().origin().shielded()).as("off until asked").isFalse();
        model.shield(true);
        assertThat(form.toPlan().origin().shieldRegion()).isEqualTo("eu-central-1");
        model.shield(false);
        assertThat(form.toPlan().origin().shielded()).isFalse();
    }

    @Test
    void aServerOutsideAwsGetsNoGuessButARegionToChangeAndAClearErrorForNonsense() {
        form.domain.set("ams.example.com");
        assertThat(model.suggestedRegion.get()).isEmpty();
        model.shield(true);
        assertThat(form.shieldRegion.get()).isEqualTo(ShieldRegions.COMMON.getFirst());
        form.shieldRegion.set("Frankfurt");
        assertThat(model.shieldRegionError.get()).contains("a code like eu-central-1");
        assertThat(model.blocker.get()).isNotNull();
    }

    @Test
    void timeoutsOutsideCloudFrontsLimitsAreRefusedNextToTheFieldAndThePresetRestoresThem() {
        form.connectionTimeout.set(30);
        form.connectionAttempts.set(0);
        assertThat(model.connectionTimeoutError.get()).contains("1 to 10 seconds");
        assertThat(model.connectionAttemptsError.get()).contains("1 to 3 times");
        form.connectionTimeout.set(null);
        assertThat(model.connectionTimeoutError.get()).isNotBlank();
        model.usePreset();
        assertThat(form.toPlan().origin().connectionTimeoutSeconds()).isEqualTo(Plan.Origin.LIVE_CONNECTION_TIMEOUT);
        assertThat(model.connectionTimeoutError.get()).isNull();
        assertThat(model.connectionAttemptsError.get()).isNull();
    }

    @Test
    void ec2NamesOfEveryShapeAndAnythingElse() {
        assertThat(ShieldRegions.suggest("ec2-54-12-1-2.compute-1.amazonaws.com")).contains("us-east-1");
        assertThat(ShieldRegions.suggest("EC2-13-1-2-3.ap-northeast-1.compute.amazonaws.com.")).contains("ap-northeast-1");
        assertThat(ShieldRegions.suggest("ams.example.com")).isEmpty();
        assertThat(ShieldRegions.suggest("ec2-x.eu-central-1.compute.amazonaws.com")).isEmpty();
        assertThat(ShieldRegions.suggest("")).isEmpty();
        assertThat(ShieldRegions.suggest(null)).isEmpty();
    }
}
