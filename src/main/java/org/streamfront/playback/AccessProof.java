package org.streamfront.playback;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.streamfront.Messages;
import org.streamfront.origin.Check;
import org.streamfront.origin.HlsPlaylist;
import org.streamfront.origin.HttpGet;

/**
 * Proof that viewer tokens work at the edge, as a viewer meets them: a request without a token is
 * refused, and two viewers with different tokens share one cached copy of a segment (the second
 * is a cache hit). Green only for what was seen; anything else amber or red, with the facts.
 */
public final class AccessProof {
    private static final String[] CDN_HEADERS = {"X-Cache", "Age", "X-Amz-Cf-Pop"};
    private final Duration timeout;

    public AccessProof(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@code base}: where viewers reach the distribution; {@code newToken}: a fresh token for the stream each time it is asked. */
    public List<Check> run(URI base, String streamId, Supplier<String> newToken) throws InterruptedException {
        List<Check> checks = new ArrayList<>();
        HttpGet.Answer bare = HttpGet.get(ViewerUrls.playlist(base, streamId), timeout);
        checks.add(bare.status() == 401 || bare.status() == 403
                ? Check.green("token-needed", Messages.get("proof.refused", bare.status()), bare.facts(CDN_HEADERS))
                : bare.ok() ? Check.red("token-needed", Messages.get("proof.open"), bare.facts(CDN_HEADERS))
                : Check.amber("token-needed", Messages.get("proof.unclear"), bare.facts(CDN_HEADERS)));

        URI first = ViewerUrls.withToken(base, newToken.get(), streamId);
        HttpGet.Answer playlist = HttpGet.get(first, timeout);
        var segment = playlist.ok() ? HlsPlaylist.parse(playlist.text()).filter(p -> !p.master() && !p.segments().isEmpty())
                .map(p -> p.segments().getLast().uri()) : java.util.Optional.<String>empty();
        if (segment.isEmpty()) {
            checks.add(Check.red("token-shared", Messages.get("proof.noPlaylist"), playlist.facts(CDN_HEADERS)));
            return checks;
        }
        HttpGet.Answer one = HttpGet.get(playlist.resolve(first, segment.get()), timeout);
        URI secondPlaylist = ViewerUrls.withToken(base, newToken.get(), streamId);
        HttpGet.Answer two = HttpGet.get(secondPlaylist.resolve(segment.get()), timeout);
        String facts = "first viewer: " + one.facts(CDN_HEADERS) + "; second viewer: " + two.facts(CDN_HEADERS);
        String cache = two.header("X-Cache").orElse("");
        checks.add(!one.ok() || !two.ok() ? Check.red("token-shared", Messages.get("proof.segmentFailed"), facts)
                : cache.startsWith("Hit") || cache.startsWith("RefreshHit") ? Check.green("token-shared", Messages.get("proof.shared"), facts)
                : cache.isEmpty() ? Check.amber("token-shared", Messages.get("proof.cacheUnknown"), facts)
                : Check.amber("token-shared", Messages.get("proof.notShared"), facts));
        return checks;
    }
}
