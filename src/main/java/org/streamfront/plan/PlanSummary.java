package org.streamfront.plan;

import java.util.ArrayList;
import java.util.List;
import org.streamfront.Messages;

/** The Review step's plain-language account of what the distribution will do. */
public final class PlanSummary {
    private PlanSummary() {
    }

    public static List<String> lines(Plan plan) {
        Plan.Origin o = plan.origin();
        String stream = plan.stream().id().isBlank() ? "<stream id>" : plan.stream().id();
        String originUrl = o.scheme() + "://" + o.domain() + ":" + o.port() + o.originPath() + "/streams/" + stream + ".m3u8";
        String viewerScheme = "allow-all".equals(plan.distribution().viewerProtocol()) ? "http(s)" : "https";
        List<String> lines = new ArrayList<>();
        lines.add(Messages.get("summary.viewers", viewerScheme + "://<CloudFront domain>/streams/" + stream + ".m3u8"));
        lines.add(Messages.get("summary.origin", originUrl));
        if (plan.access().tokens()) {
            lines.add(Messages.get("summary.tokens", viewerScheme + "://<CloudFront domain>/t/<token>/streams/" + stream + ".m3u8"));
            // Said plainly: the edge guards CloudFront, not the server behind it.
            lines.add(Messages.get("summary.tokens.origin", String.valueOf(o.port())));
        } else {
            lines.add(Plan.Cache.ALL.equals(plan.cache().queryStrings())
                    ? Messages.get("summary.queryAll") : Messages.get("summary.queryNone"));
        }
        lines.add(Messages.get(plan.cache().corsAtEdge() ? "summary.corsEdge" : plan.cache().corsFromServer() ? "summary.corsServer"
                : "summary.corsNone"));
        lines.add(Messages.get("summary.ttl", plan.cache().playlistTtlSeconds(), plan.cache().segmentTtlSeconds()));
        if (plan.cache().lowLatencyHls()) {
            lines.add(Messages.get("summary.llhls"));
        }
        lines.add(Messages.get("summary.policies", CacheSettings.playlists(plan.cache()).name() + ", "
                + CacheSettings.segments(plan.cache()).name()));
        if (o.hasSecondary()) {
            lines.add(Messages.get("summary.secondary", o.secondaryDomain()));
        }
        if (o.shielded()) {
            lines.add(Messages.get("summary.shield", o.shieldRegion()));
        }
        lines.add(Messages.get("summary.timeouts", o.connectionTimeoutSeconds(), o.connectionAttempts()));
        if (plan.errorPages().isEmpty()) {
            lines.add(Messages.get("summary.noErrors"));
        } else {
            plan.errorPages().forEach(p -> lines.add(Messages.get("summary.error", p.code(), p.cachingMinTtlSeconds())));
        }
        lines.add(Messages.get("summary.viewerProtocol." + plan.distribution().viewerProtocol()));
        return lines;
    }
}
