package org.streamfront.playback;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Takes the audio out of an MPEG-TS segment: drops the packets of every audio stream and rewrites
 * the program map table (PMT) without them, so a player that cannot open a sound device (JavaFX on
 * Linux without a sound server) still shows the picture. Video, PCR and everything else pass as
 * they are. Input that is not MPEG-TS comes back unchanged.
 */
public final class AudioStripper {
    private static final int PACKET = 188;
    private static final int SYNC = 0x47;

    private AudioStripper() {
    }

    /** Stream types that carry audio: MPEG-1/2 audio, AAC (ADTS, LATM), AC-3, E-AC-3, DTS. */
    static boolean isAudio(int streamType) {
        return switch (streamType) {
            case 0x03, 0x04, 0x0F, 0x11, 0x81, 0x82, 0x87 -> true;
            default -> false;
        };
    }

    public static byte[] strip(byte[] ts) {
        if (ts.length < PACKET || ts.length % PACKET != 0 || (ts[0] & 0xFF) != SYNC) {
            return ts;
        }
        Set<Integer> pmtPids = new HashSet<>();
        Set<Integer> audioPids = new HashSet<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(ts.length);
        for (int at = 0; at < ts.length; at += PACKET) {
            if ((ts[at] & 0xFF) != SYNC) {
                return ts; // lost sync: not something to edit blindly
            }
            int pid = ((ts[at + 1] & 0x1F) << 8) | (ts[at + 2] & 0xFF);
            byte[] packet = Arrays.copyOfRange(ts, at, at + PACKET);
            if (pid == 0) {
                readPat(packet, pmtPids);
            } else if (pmtPids.contains(pid)) {
                rewritePmt(packet, audioPids);
            } else if (audioPids.contains(pid)) {
                continue;
            }
            out.writeBytes(packet);
        }
        return out.toByteArray();
    }

    /** Where a packet's payload starts (after the header and any adaptation field), or -1 without payload. */
    private static int payloadStart(byte[] p) {
        int control = (p[3] >> 4) & 0x3;
        if (control == 0 || control == 2) {
            return -1;
        }
        int start = 4;
        if (control == 3) {
            start += 1 + (p[4] & 0xFF);
        }
        return start < PACKET ? start : -1;
    }

    /** The start of a table section in a packet that begins one (PUSI set, pointer field skipped), or -1. */
    private static int sectionStart(byte[] p) {
        boolean unitStart = (p[1] & 0x40) != 0;
        int payload = payloadStart(p);
        if (!unitStart || payload < 0) {
            return -1;
        }
        int section = payload + 1 + (p[payload] & 0xFF);
        return section + 3 < PACKET ? section : -1;
    }

    private static void readPat(byte[] p, Set<Integer> pmtPids) {
        int s = sectionStart(p);
        if (s < 0 || (p[s] & 0xFF) != 0x00) {
            return;
        }
        int length = ((p[s + 1] & 0x0F) << 8) | (p[s + 2] & 0xFF);
        int end = Math.min(s + 3 + length - 4, PACKET); // before the CRC
        for (int i = s + 8; i + 4 <= end; i += 4) {
            int program = ((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF);
            if (program != 0) {
                pmtPids.add(((p[i + 2] & 0x1F) << 8) | (p[i + 3] & 0xFF));
            }
        }
    }

    /** Rewrites a PMT that fits in this packet (as every HLS muxer writes it) without its audio streams. */
    private static void rewritePmt(byte[] p, Set<Integer> audioPids) {
        int s = sectionStart(p);
        if (s < 0 || (p[s] & 0xFF) != 0x02) {
            return;
        }
        int length = ((p[s + 1] & 0x0F) << 8) | (p[s + 2] & 0xFF);
        int end = s + 3 + length - 4;
        if (end + 4 > PACKET || s + 12 > end) {
            return; // spans packets: leave it (the audio then stays; nothing is broken)
        }
        int infoLength = ((p[s + 10] & 0x0F) << 8) | (p[s + 11] & 0xFF);
        int streams = s + 12 + infoLength;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        for (int i = streams; i + 5 <= end; ) {
            int type = p[i] & 0xFF;
            int pid = ((p[i + 1] & 0x1F) << 8) | (p[i + 2] & 0xFF);
            int esInfo = ((p[i + 3] & 0x0F) << 8) | (p[i + 4] & 0xFF);
            int next = Math.min(i + 5 + esInfo, end);
            if (isAudio(type)) {
                audioPids.add(pid);
            } else {
                kept.write(p, i, next - i);
            }
            i = next;
        }
        byte[] streamLoop = kept.toByteArray();
        int newLength = (streams - (s + 3)) + streamLoop.length + 4;
        p[s + 1] = (byte) ((p[s + 1] & 0xF0) | ((newLength >> 8) & 0x0F));
        p[s + 2] = (byte) newLength;
        System.arraycopy(streamLoop, 0, p, streams, streamLoop.length);
        int crcAt = streams + streamLoop.length;
        int crc = crc32(p, s, crcAt);
        p[crcAt] = (byte) (crc >>> 24);
        p[crcAt + 1] = (byte) (crc >>> 16);
        p[crcAt + 2] = (byte) (crc >>> 8);
        p[crcAt + 3] = (byte) crc;
        Arrays.fill(p, crcAt + 4, PACKET, (byte) 0xFF);
    }

    /** The CRC-32 of MPEG-2 sections: polynomial 0x04C11DB7, all ones to start, no reflection, no final XOR. */
    static int crc32(byte[] data, int from, int to) {
        int crc = 0xFFFFFFFF;
        for (int i = from; i < to; i++) {
            crc ^= (data[i] & 0xFF) << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }
}
