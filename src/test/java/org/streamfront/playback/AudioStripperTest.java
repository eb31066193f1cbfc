package org.streamfront.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio comes out of a real H.264/AAC segment, and FFmpeg's own prober agrees. */
class AudioStripperTest {
    @TempDir
    Path dir;

    private static byte[] segment() throws Exception {
        try (InputStream in = AudioStripperTest.class.getResourceAsStream("/org/streamfront/sim/stream/seg0.ts")) {
            return in.readAllBytes();
        }
    }

    private String streamsFfprobeSees(byte[] ts) throws Exception {
        Path file = dir.resolve("s" + System.nanoTime() + ".ts");
        Files.write(file, ts);
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,codec_name",
                "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return said;
    }

    @Test
    void onlyTheVideoIsLeftAndFfprobeReadsIt() throws Exception {
        byte[] original = segment();
        assertThat(streamsFfprobeSees(original)).contains("video").contains("audio");
        byte[] stripped = AudioStripper.strip(original);
        assertThat(stripped.length % 188).isZero();
        assertThat(stripped.length).isLessThan(original.length);
        String left = streamsFfprobeSees(stripped);
        assertThat(left).contains("h264,video").doesNotContain("audio");
    }

    @Test
    void theRewrittenProgramMapCarriesAValidChecksum() throws Exception {
        byte[] stripped = AudioStripper.strip(segment());
        for (int at = 0; at < stripped.length; at += 188) {
            boolean unitStart = (stripped[at + 1] & 0x40) != 0;
            int pid = ((stripped[at + 1] & 0x1F) << 8) | (stripped[at + 2] & 0xFF);
            int payload = at + 4 + (((stripped[at + 3] >> 4) & 3) == 3 ? 1 + (stripped[at + 4] & 0xFF) : 0);
            int section = payload + 1 + (stripped[payload] & 0xFF);
            if (unitStart && pid != 0 && pid < 0x20 + 0x1000 && (stripped[section] & 0xFF) == 0x02) {
                int length = ((stripped[section + 1] & 0x0F) << 8) | (stripped[section + 2] & 0xFF);
                assertThat(AudioStripper.crc32(stripped, section, section + 3 + length)).as("CRC over section and CRC").isZero();
                return;
            }
        }
        throw new AssertionError("no program map table found");
    }

    @Test
    void anythingThatIsNotMpegTsPassesUnchanged() {
        for (byte[] odd : new byte[][] {new byte[0], "#EXTM3U\n".getBytes(), new byte[188 * 2 + 1], new byte[188]}) {
            assertThat(AudioStripper.strip(odd)).isSameAs(odd);
        }
    }
}
