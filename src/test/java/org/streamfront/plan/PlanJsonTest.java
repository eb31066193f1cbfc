package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanJsonTest {
    @Test
    void sectionsLeftOutTakeTheTutorialSettingsAndThePreset() throws Exception {
        Plan plan = PlanJson.parse("{\"origin\": {\"domain\": \"ams.example.com\"}}");
        assertThat(plan.schemaVersion()).isEqualTo(1);
        assertThat(plan.origin()).isEqualTo(new Plan.Origin("ams.example.com", "WebRTCAppEE", "http-only", 5080, 5443));
        assertThat(plan.cache()).isEqualTo(new Plan.Cache("all", true, 1, 10));
        assertThat(plan.errorPages()).containsExactly(new Plan.ErrorPage(404, 3));
        assertThat(plan.distribution()).isEqualTo(new Plan.Distribution("redirect-to-https", "PriceClass_All", ""));
    }

    @Test
    void unknownKeysAreErrorsThatNameTheKey() {
        assertThatThrownBy(() -> PlanJson.parse("{\"origin\": {\"domain\": \"a.b\", \"hots\": 1}}"))
                .isInstanceOf(PlanFileException.class)
                .satisfies(e -> assertThat(((PlanFileException) e).problems()).containsExactly(
                        new Problem("origin.hots", "unknown key \u201chots\u201d")));
        assertThatThrownBy(() -> PlanJson.parse("{\"colour\": 1}"))
                .satisfies(e -> assertThat(((PlanFileException) e).problems().getFirst().path()).isEqualTo("colour"));
    }

    @Test
    void wrongTypesSayWhatWasExpectedWhere() {
        assertThatThrownBy(() -> PlanJson.parse("{\"origin\": {\"httpPort\": \"five\"}}"))
                .satisfies(e -> assertThat(((PlanFileException) e).problems()).containsExactly(
                        new Problem("origin.httpPort", "expected a whole number here")));
    }

    @Test
    void brokenJsonIsReportedNotThrown() {
        assertThatThrownBy(() -> PlanJson.parse("{\"origin\": "))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void writeThenParseGivesTheSamePlan() throws Exception {
        Plan plan = Plan.empty().withPlanId("sf-1").withName("Sunday service")
                .withOrigin(new Plan.Origin("ams.example.com", "LiveApp", "match-viewer", 5081, 5444))
                .withStream(new Plan.Stream("stream1"));
        assertThat(PlanJson.parse(PlanJson.write(plan))).isEqualTo(plan);
    }
}
