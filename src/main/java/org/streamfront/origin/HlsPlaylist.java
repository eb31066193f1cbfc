package org.streamfront.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HLS playlist as far as StreamFront needs it: a master playlist's variants, or a media
 * playlist's target duration, media sequence and segments. Parsing never throws: anything that is
 * not a playlist comes back empty.
 */
public record HlsPlaylist(boolean master, int targetDuration, long mediaSequence, boolean ended,
                         List<Segment> segments, List<Variant> variants) {

    public record Segment(String uri, double duration) {
    }

    public record Variant(String uri, long bandwidth, String resolution) {
    }

    private static final Pattern BANDWIDTH = Pattern.compile("(?:^|,)BANDWIDTH=(\\d+)");
    private static final Pattern RESOLUTION = Pattern.compile("(?:^|,)RESOLUTION=(\\d+x\\d+)");

    public static Optional<HlsPlaylist> parse(String text) {
        if (text == null || !text.stripLeading().startsWith("#EXTM3U")) {
            return Optional.empty();
        }
        int target = 0;
        long sequence = 0;
        boolean ended = false;
        List<Segment> segments = new ArrayList<>();
        List<Variant> variants = new ArrayList<>();
        Double pendingDuration = null;
        String pendingVariant = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = (int) number(line, 0);
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = number(line, 0);
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (line.startsWith("#EXTINF:")) {
                String value = line.substring(8);
                int comma = value.indexOf(',');
                try {
                    pendingDuration = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
                } catch (NumberFormatException e) {
                    pendingDuration = 0.0;
                }
            } else if (line.startsWith("#EXT-X-STREAM-INF:")) {
                pendingVariant = line.substring(18);
            } else if (!line.startsWith("#")) {
                if (pendingVariant != null) {
                    variants.add(new Variant(line, find(BANDWIDTH, pendingVariant).map(Long::parseLong).orElse(0L),
                            find(RESOLUTION, pendingVariant).orElse("")));
                    pendingVariant = null;
                } else if (pendingDuration != null) {
                    segments.add(new Segment(line, pendingDuration));
                    pendingDuration = null;
                }
            }
        }
        return Optional.of(new HlsPlaylist(!variants.isEmpty(), target, sequence, ended, List.copyOf(segments), List.copyOf(variants)));
    }

    /** Bits per second a media playlist's segments need, from their sizes, or 0 when unknown. */
    public static long bitrate(long segmentBytes, double segmentSeconds) {
        return segmentSeconds <= 0 ? 0 : Math.round(segmentBytes * 8 / segmentSeconds);
    }

    private static long number(String line, long fallback) {
        try {
            return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Optional<String> find(Pattern p, String attributes) {
        Matcher m = p.matcher(attributes);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
