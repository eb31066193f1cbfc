package org.streamfront.playback;

import java.net.URI;

/** Where viewers find the stream on CloudFront, as AMS lays it out behind the origin path. */
public final class ViewerUrls {
    private ViewerUrls() {
    }

    /** {@code https://<domain>}: where viewers on the internet reach a distribution. */
    public static URI base(String domain) {
        return URI.create("https://" + domain);
    }

    /** {@code https://<domain>/streams/<streamId>.m3u8} */
    public static URI production(String domain, String streamId) {
        return playlist(base(domain), streamId);
    }

    /** The stream under any base address (the real CloudFront domain, or a practice edge). */
    public static URI playlist(URI base, String streamId) {
        return base.resolve("/streams/" + streamId + ".m3u8");
    }

    /**
     * The stream's playlist with a viewer token in the path ({@code /t/<token>/streams/<id>.m3u8}):
     * the player's relative segment and rendition addresses inherit it; the edge removes it before the cache.
     */
    public static URI withToken(URI base, String token, String streamId) {
        return base.resolve("/t/" + token + "/streams/" + streamId + ".m3u8");
    }

    /** AMS Enterprise's adaptive-bitrate master playlist, which AMS's own player tries first. */
    public static URI adaptive(URI base, String streamId) {
        return base.resolve("/streams/" + streamId + "_adaptive.m3u8");
    }

    /** AMS's web player page, through the CDN. */
    public static URI playerPage(URI base, String streamId) {
        return base.resolve("/play.html?id=" + streamId + "&playOrder=hls");
    }
}
