package org.streamfront.playback;

import java.util.Locale;
import org.streamfront.Messages;

/** Why a stream does not play, in words a non-engineer can act on. Works from JavaFX's error names and messages. */
public final class PlaybackProblems {
    private PlaybackProblems() {
    }

    /** From the status an HTTP probe of the playlist got before playing. Null when the answer was fine. */
    public static String fromProbe(int status, String application, String streamId) {
        return switch (status) {
            case 200 -> null;
            case -1 -> Messages.get("play.problem.unreachable");
            case 403 -> Messages.get("play.problem.notDeployed");
            case 404 -> Messages.get("play.problem.notLive", application, streamId);
            case 502, 504 -> Messages.get("check.playlist.502");
            default -> Messages.get("check.playlist.status", status);
        };
    }

    /** JavaFX could not open a sound output (Linux without a sound server): the picture can still play without the audio. */
    public static boolean isNoSoundOutput(String type, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("audio device") || "PLAYBACK_HALTED".equals(type) && m.contains("audio");
    }

    /** From a MediaException's type name and message. */
    public static String fromMediaError(String type, String message) {
        String m = message == null ? "" : message;
        if (m.contains("Could not create player")) {
            return Messages.get("play.problem.noFfmpeg");
        }
        if (isNoSoundOutput(type, m)) {
            return Messages.get("play.problem.noAudio");
        }
        if ("MEDIA_UNSUPPORTED".equals(type) || m.toLowerCase(Locale.ROOT).contains("unsupported")) {
            return Messages.get("play.problem.codec");
        }
        if ("MEDIA_UNAVAILABLE".equals(type) || "MEDIA_INACCESSIBLE".equals(type)) {
            return Messages.get("play.problem.unavailable");
        }
        return Messages.get("play.problem.other", type, m);
    }
}
