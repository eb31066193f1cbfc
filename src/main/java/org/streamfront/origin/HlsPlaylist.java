package org.streamfront.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.streamfront.Messages;

/**
 * An HLS playlist as far as StreamFront needs it: a master playlist's variants, or a media
 * playlist's target duration, media sequence and segments. Parsing never throws: anything that is
 * not a playlist comes back empty, and a playlist that says nonsense (no segments, durations that
 * are not positive numbers, a rendition without its address or bandwidth) names it in {@link #defect()}.
 */
public record HlsPlaylist(boolean master, int targetDuration, long mediaSequence, boolean ended,
                         List<Segment> segments, List<Variant> variants, List<String> defects, double partTarget) {

    public record Segment(String uri, double duration) {
    }

    /** A rendition; {@code bandwidth} is 0 when the playlist gave no usable number. */
    public record Variant(String uri, long bandwidth, String resolution) {
    }

    /** Longer than any sane segment or target duration (seconds): such a number is a broken playlist. */
    private static final double ABSURD_SECONDS = 3600;
    private static final Pattern BANDWIDTH = Pattern.compile("(?:^|,)BANDWIDTH=(\\d{1,15})(?:,|$)");
    private static final Pattern RESOLUTION = Pattern.compile("(?:^|,)RESOLUTION=(\\d+x\\d+)");
    private static final Pattern PART_TARGET = Pattern.compile("(?:^|,)PART-TARGET=([0-9.]{1,12})(?:,|$)");

    public static Optional<HlsPlaylist> parse(String text) {
        if (text == null || !text.stripLeading().startsWith("#EXTM3U")) {
            return Optional.empty();
        }
        long target = -1;
        long sequence = 0;
        boolean ended = false;
        List<Segment> segments = new ArrayList<>();
        List<Variant> variants = new ArrayList<>();
        List<String> defects = new ArrayList<>();
        Double pendingDuration = null;
        double partTarget = 0;
        String pendingVariant = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = number(line, -1);
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = number(line, -1);
            } else if (line.startsWith("#EXT-X-PART-INF:")) {
                double part = find(PART_TARGET, line.substring(16)).map(HlsPlaylist::decimal).orElse(Double.NaN);
                if (part > 0 && part < ABSURD_SECONDS) {
                    partTarget = part;
                } else {
                    defects.add(Messages.get("hls.defect.partTarget"));
                }
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (line.startsWith("#EXTINF:")) {
                String value = line.substring(8);
                int comma = value.indexOf(',');
                pendingDuration = decimal(comma < 0 ? value : value.substring(0, comma));
            } else if (line.startsWith("#EXT-X-STREAM-INF:")) {
                if (pendingVariant != null) {
                    defects.add(Messages.get("hls.defect.variantWithoutUri"));
                }
                pendingVariant = line.substring(18);
            } else if (!line.startsWith("#")) {
                if (pendingVariant != null) {
                    Variant v = new Variant(line, find(BANDWIDTH, pendingVariant).map(Long::parseLong).orElse(0L),
                            find(RESOLUTION, pendingVariant).orElse(""));
                    if (v.bandwidth() <= 0) {
                        defects.add(Messages.get("hls.defect.bandwidth", line));
                    }
                    variants.add(v);
                    pendingVariant = null;
                } else if (pendingDuration != null) {
                    if (!(pendingDuration > 0 && pendingDuration <= ABSURD_SECONDS)) {
                        defects.add(Messages.get("hls.defect.segmentDuration", line));
                    }
                    segments.add(new Segment(line, pendingDuration));
                    pendingDuration = null;
                }
            }
        }
        if (pendingVariant != null) {
            defects.add(Messages.get("hls.defect.variantWithoutUri"));
        }
        boolean master = !variants.isEmpty();
        if (!master) {
            if (segments.isEmpty()) {
                defects.add(Messages.get("hls.defect.noSegments"));
            }
            if (target <= 0 || target > ABSURD_SECONDS) {
                defects.add(Messages.get("hls.defect.targetDuration"));
            }
            if (sequence < 0) {
                defects.add(Messages.get("hls.defect.mediaSequence"));
            }
        }
        return Optional.of(new HlsPlaylist(master, (int) Math.max(0, Math.min(target, (long) ABSURD_SECONDS)), Math.max(0, sequence),
                ended, List.copyOf(segments), List.copyOf(variants), List.copyOf(defects), partTarget));
    }

    /** Low-Latency HLS: the playlist announces parts ({@code #EXT-X-PART-INF}). */
    public boolean lowLatency() {
        return partTarget > 0;
    }

    /** The first thing wrong with this playlist, in plain words; empty when it makes sense. */
    public Optional<String> defect() {
        return defects.isEmpty() ? Optional.empty() : Optional.of(defects.getFirst());
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

    private static double decimal(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Optional<String> find(Pattern p, String attributes) {
        Matcher m = p.matcher(attributes);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
