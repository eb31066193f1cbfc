package org.streamfront.audience;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.streamfront.aws.AwsClients;
import org.streamfront.aws.AwsSession;
import org.streamfront.aws.Retry;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.MonitoringSubscriptionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.RealtimeMetricsSubscriptionStatus;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * Reads a distribution's CloudFront metrics from CloudWatch (namespace AWS/CloudFront, region
 * us-east-1, dimensions DistributionId and Region=Global) in one GetMetricData call.
 */
public final class AudienceMetrics {
    /** CloudFront publishes one-minute datapoints. */
    public static final int PERIOD_SECONDS = 60;
    /** The permission the audience view needs, as it goes into an IAM policy. */
    public static final String PERMISSION = "cloudwatch:GetMetricData";

    private static final Map<String, String> QUERIES = Map.of(
            "requests", "Requests:Sum",
            "bytes", "BytesDownloaded:Sum",
            "errors4xx", "4xxErrorRate:Average",
            "errors5xx", "5xxErrorRate:Average",
            "hits", "CacheHitRate:Average");

    private final AwsSession session;
    private final Retry retry;

    public AudienceMetrics(AwsSession session, Retry retry) {
        this.session = session;
        this.retry = retry;
    }

    /** The last {@code window} of traffic in periods of {@code periodSeconds}. */
    public Traffic read(String distributionId, Duration window, int periodSeconds, Retry.Listener listener) throws Exception {
        Instant end = Instant.now();
        Instant start = end.minus(window);
        List<MetricDataQuery> queries = new ArrayList<>();
        QUERIES.forEach((id, metricAndStat) -> {
            String[] parts = metricAndStat.split(":");
            queries.add(MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s
                    .period(periodSeconds).stat(parts[1])
                    .metric(m -> m.namespace("AWS/CloudFront").metricName(parts[0]).dimensions(
                            Dimension.builder().name("DistributionId").value(distributionId).build(),
                            Dimension.builder().name("Region").value("Global").build()))).build());
        });
        try (CloudWatchClient cw = AwsClients.cloudWatch(session.credentials(), session.endpointOrNull())) {
            List<MetricDataResult> results = new ArrayList<>();
            String next = null;
            do {
                String token = next;
                GetMetricDataResponse page = retry.call("read metrics", () -> cw.getMetricData(r -> r.metricDataQueries(queries)
                        .startTime(start).endTime(end).nextToken(token)), listener);
                results.addAll(page.metricDataResults());
                next = page.nextToken();
            } while (next != null);
            return new Traffic(periodSeconds, series(results, "requests"), series(results, "bytes"), series(results, "errors4xx"),
                    series(results, "errors5xx"), series(results, "hits"));
        }
    }

    /**
     * Turns on the distribution's additional metrics, which include the cache hit rate (billed as
     * CloudWatch metrics, see {@link org.streamfront.cost.Prices#ADDITIONAL_METRICS_PER_MONTH}).
     * Already on counts as done.
     */
    public void turnOnAdditionalMetrics(String distributionId, Retry.Listener listener) throws Exception {
        try (CloudFrontClient cf = AwsClients.cloudFront(session.credentials(), session.endpointOrNull())) {
            retry.call("turn on additional metrics", () -> cf.createMonitoringSubscription(r -> r.distributionId(distributionId)
                    .monitoringSubscription(m -> m.realtimeMetricsSubscriptionConfig(c -> c
                            .realtimeMetricsSubscriptionStatus(RealtimeMetricsSubscriptionStatus.ENABLED)))), listener);
        } catch (MonitoringSubscriptionAlreadyExistsException alreadyOn) {
            // Someone (or an earlier press) turned them on: the hit rate comes all the same.
        }
    }

    /** One query's datapoints, oldest first (pages may split a series; CloudWatch sends newest first). */
    static List<Traffic.Point> series(List<MetricDataResult> results, String id) {
        List<Traffic.Point> points = new ArrayList<>();
        for (MetricDataResult r : results) {
            if (!id.equals(r.id()) || r.timestamps() == null || r.values() == null) {
                continue;
            }
            for (int i = 0; i < Math.min(r.timestamps().size(), r.values().size()); i++) {
                Double v = r.values().get(i);
                if (r.timestamps().get(i) != null && v != null && Double.isFinite(v)) {
                    points.add(new Traffic.Point(r.timestamps().get(i), v));
                }
            }
        }
        points.sort(Comparator.comparing(Traffic.Point::at));
        return points;
    }
}
