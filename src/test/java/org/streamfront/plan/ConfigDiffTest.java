package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;

/** What an update would change, in the words the user reads, and only for what StreamFront owns. */
class ConfigDiffTest {
    private final Plan plan = PlanIds.ensure(Plan.empty().withName("Sunday")
            .withOrigin(new Plan.Origin("ams-old.example.com", "WebRTCAppEE", null, null, null)));

    private static List<String> words(List<ConfigDiff.Change> changes) {
        return changes.stream().map(ConfigDiff.Change::toString).toList();
    }

    @Test
    void thePlanAgainstItsOwnConfigHasNoDifferences() {
        DistributionConfig config = DistributionConfigMapper.toConfig(plan);
        assertThat(ConfigDiff.between(config, config)).isEmpty();
    }

    @Test
    void eachChangedFieldIsOneLineInPlainWords() {
        DistributionConfig now = DistributionConfigMapper.toConfig(plan);
        Plan changed = plan.withOrigin(new Plan.Origin("ams.example.com", "LiveApp", null, 5081, null))
                .withErrorPages(List.of(new Plan.ErrorPage(404, 5), new Plan.ErrorPage(503, 3)))
                .withCache(new Plan.Cache(null, null, 2, null));
        assertThat(words(ConfigDiff.between(now, DistributionConfigMapper.toConfig(changed)))).containsExactly(
                "Origin host: ams-old.example.com \u2192 ams.example.com",
                "Application (origin path): /WebRTCAppEE \u2192 /LiveApp",
                "HTTP port: 5080 \u2192 5081",
                "Playlists kept: 1 s \u2192 2 s",
                "404 remembered: 3 s \u2192 5 s",
                "503 remembered: (none) \u2192 3 s");
    }

    @Test
    void whatStreamFrontDoesNotOwnIsNotCompared() {
        DistributionConfig ours = DistributionConfigMapper.toConfig(plan);
        // Someone added an alias and a behaviour of their own in the console.
        var extra = CacheBehavior.builder().pathPattern("/admin/*").targetOriginId(DistributionConfigMapper.ORIGIN_ID)
                .viewerProtocolPolicy("https-only").build();
        var items = new java.util.ArrayList<>(ours.cacheBehaviors().items());
        items.add(extra);
        DistributionConfig edited = ours.toBuilder()
                .aliases(a -> a.quantity(1).items("live.example.org"))
                .cacheBehaviors(CacheBehaviors.builder().quantity(items.size()).items(items).build())
                .httpVersion("http2and3")
                .build();
        assertThat(ConfigDiff.between(edited, ours)).isEmpty();
    }

    @Test
    void turningViewerTokensOnIsOneUpdateThatSaysWhoMayWatch() {
        DistributionConfig open = DistributionConfigMapper.toConfig(plan);
        Plan guarded = plan.withAccess(new Plan.Access(Plan.Access.TOKEN));
        assertThat(words(ConfigDiff.between(open, DistributionConfigMapper.toConfig(guarded)))).containsExactly(
                "Query strings passed to your server: yes \u2192 no",
                "Who may watch: anyone with the address \u2192 viewers with a token");
        // As CloudFront has it: the function's ARN, not its name; whether one checks viewers is what counts.
        DistributionConfig sent = DistributionConfigMapper.toConfig(guarded, CacheSettings::name,
                "arn:aws:cloudfront::123456789012:function/" + org.streamfront.access.ViewerFunction.functionName(guarded.planId()));
        assertThat(ConfigDiff.between(sent, DistributionConfigMapper.toConfig(guarded))).isEmpty();
        assertThat(words(ConfigDiff.between(sent, DistributionConfigMapper.toConfig(guarded.withAccess(new Plan.Access(Plan.Access.OPEN))))))
                .contains("Who may watch: viewers with a token \u2192 anyone with the address");
    }
}
