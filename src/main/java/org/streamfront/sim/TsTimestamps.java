package org.streamfront.sim;

/**
 * Shifts the clock of MPEG-TS segments so that a short recording can loop as an endless live
 * stream: each pass around the loop carries later timestamps, so players see one continuous
 * stream instead of time jumping back. Touches PCR in adaptation fields and PTS/DTS in PES headers.
 */
final class TsTimestamps {
    static final int PACKET = 188;
    private static final long PTS_WRAP = 1L << 33;

    private TsTimestamps() {
    }

    /** A copy of {@code ts} with every PTS, DTS and PCR moved {@code offset90k} ticks of 90 kHz later. */
    static byte[] shift(byte[] ts, long offset90k) {
        byte[] out = ts.clone();
        if (offset90k == 0) {
            return out;
        }
        for (int p = 0; p + PACKET <= out.length; p += PACKET) {
            if (out[p] != 0x47) {
                continue;
            }
            boolean payloadStart = (out[p + 1] & 0x40) != 0;
            int adaptation = (out[p + 3] >> 4) & 0x3;
            int payload = p + 4;
            if (adaptation == 2 || adaptation == 3) {
                int length = out[p + 4] & 0xFF;
                if (length > 0 && (out[p + 5] & 0x10) != 0) {
                    shiftPcr(out, p + 6, offset90k);
                }
                payload = p + 5 + length;
            }
            if (payloadStart && (adaptation == 1 || adaptation == 3) && payload + 14 <= p + PACKET
                    && out[payload] == 0 && out[payload + 1] == 0 && out[payload + 2] == 1) {
                int flags = (out[payload + 7] >> 6) & 0x3;
                if (flags >= 2) {
                    shiftTimestamp(out, payload + 9, offset90k);
                }
                if (flags == 3 && payload + 19 <= p + PACKET) {
                    shiftTimestamp(out, payload + 14, offset90k);
                }
            }
        }
        return out;
    }

    /** The first PTS in the segment, in 90 kHz ticks, or -1 when there is none. */
    static long firstPts(byte[] ts) {
        for (int p = 0; p + PACKET <= ts.length; p += PACKET) {
            boolean payloadStart = (ts[p + 1] & 0x40) != 0;
            int adaptation = (ts[p + 3] >> 4) & 0x3;
            int payload = adaptation >= 2 ? p + 5 + (ts[p + 4] & 0xFF) : p + 4;
            if (payloadStart && adaptation != 2 && payload + 14 <= p + PACKET
                    && ts[payload] == 0 && ts[payload + 1] == 0 && ts[payload + 2] == 1
                    && ((ts[payload + 7] >> 6) & 0x2) != 0) {
                return readTimestamp(ts, payload + 9);
            }
        }
        return -1;
    }

    private static long readTimestamp(byte[] b, int at) {
        return ((long) (b[at] & 0x0E) << 29) | ((b[at + 1] & 0xFFL) << 22) | ((b[at + 2] & 0xFEL) << 14)
                | ((b[at + 3] & 0xFFL) << 7) | ((b[at + 4] & 0xFEL) >> 1);
    }

    private static void shiftTimestamp(byte[] b, int at, long offset) {
        long value = (readTimestamp(b, at) + offset) % PTS_WRAP;
        int marker = b[at] & 0xF1; // keeps the 4-bit prefix and the marker bit
        b[at] = (byte) (marker | ((value >> 29) & 0x0E));
        b[at + 1] = (byte) (value >> 22);
        b[at + 2] = (byte) (((value >> 14) & 0xFE) | 1);
        b[at + 3] = (byte) (value >> 7);
        b[at + 4] = (byte) (((value << 1) & 0xFE) | 1);
    }

    private static void shiftPcr(byte[] b, int at, long offset90k) {
        long base = ((b[at] & 0xFFL) << 25) | ((b[at + 1] & 0xFFL) << 17) | ((b[at + 2] & 0xFFL) << 9)
                | ((b[at + 3] & 0xFFL) << 1) | ((b[at + 4] & 0x80L) >> 7);
        base = (base + offset90k) % PTS_WRAP;
        b[at] = (byte) (base >> 25);
        b[at + 1] = (byte) (base >> 17);
        b[at + 2] = (byte) (base >> 9);
        b[at + 3] = (byte) (base >> 1);
        b[at + 4] = (byte) ((b[at + 4] & 0x7F) | ((base & 1) << 7));
    }
}
