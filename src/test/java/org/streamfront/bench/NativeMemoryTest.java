package org.streamfront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory benchmark's reading of a JVM's own account: the categories it names, and what it says of anything else. */
class NativeMemoryTest {
    private static final String SUMMARY = """
            12345:

            Native Memory Tracking:

            Total: reserved=7469410KB, committed=159054KB
                   malloc: 24390KB #154821, peak=25482KB #125837

            -                 Java Heap (reserved=6172672KB, committed=50372KB)
                                        (mmap: reserved=6172672KB, committed=50372KB, at peak)

            -                     Class (reserved=1049521KB, committed=9713KB)
                                        (classes #12786)
                                        (  instance classes #12077, array classes #709)

            -                  Tracing (reserved=13KB, committed=13KB)
                                        (malloc=13KB tag=Tracing #53) (peak=13KB #55)
            """;

    @Test
    void namedCategoriesInMegabytesThenTheTotalAndTheClassCount() {
        List<String[]> rows = NativeMemory.rows(SUMMARY);
        assertThat(rows).extracting(r -> r[0] + " = " + r[1]).containsExactly(
                "Java Heap = 49.2", "Class = 9.5", "all the JVM accounts for = 155.3", "classes loaded (the AOT cache's included) = 12786");
    }

    @Test
    void anAnswerThatIsNoSummarySaysWhatWasSaidInstead() {
        assertThat(NativeMemory.rows("12345:\nNative memory tracking is not enabled\n"))
                .extracting(r -> r[0]).containsExactly("no summary: Native memory tracking is not enabled");
        assertThat(NativeMemory.rows("")).extracting(r -> r[0]).containsExactly("no summary: (nothing said)");
        assertThat(NativeMemory.rows(SUMMARY.replace("Total:", "Totals:"))).extracting(r -> r[0]).first().asString()
                .startsWith("no summary");
    }
}
