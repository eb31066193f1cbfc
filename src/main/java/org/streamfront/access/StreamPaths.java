package org.streamfront.access;

import java.util.regex.Pattern;

/**
 * Which stream a viewer's request belongs to, for Ant Media Server 2.11's default naming (the
 * application's HLS settings left as installed): under {@code /streams/}, a stream's playlist
 * {@code <id>.m3u8}, its adaptive master {@code <id>_adaptive.m3u8}, a rendition
 * {@code <id>_<height>p<kbps>kbps.m3u8}, segments {@code <id>[<rendition>]<9 digits>.ts|.m4s|.fmp4}
 * and fMP4 init files {@code <id>[<rendition>]_init.mp4}. Anything else does not parse and is refused,
 * so {@code stream10}'s segments never open with a token for {@code stream1}.
 */
public final class StreamPaths {
    /** What may follow the stream id in a file name; the edge function holds the same expression. */
    static final Pattern SUFFIX = Pattern.compile("(_[0-9]+p[0-9]+kbps)?(\\.m3u8|[0-9]{9}\\.(ts|m4s|fmp4)|_init\\.mp4)|_adaptive\\.m3u8");
    private static final String PREFIX = "/streams/";

    private StreamPaths() {
    }

    /** Whether {@code path} (after any token prefix) is one of {@code streamId}'s files. */
    public static boolean belongsTo(String path, String streamId) {
        if (path == null || !path.startsWith(PREFIX) || streamId == null || streamId.isEmpty()) {
            return false;
        }
        String name = path.substring(PREFIX.length());
        return name.startsWith(streamId) && SUFFIX.matcher(name.substring(streamId.length())).matches();
    }
}
