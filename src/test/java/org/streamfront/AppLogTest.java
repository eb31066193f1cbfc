package org.streamfront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whatever a log line quotes, what looks like a secret is blanked and the rest stays readable. */
class AppLogTest {
    @Test
    void secretShapesAreBlankedAndRequestIdsKept() {
        String line = "refused: AccessDenied (Request ID: 7111ff6a-0a26-48b0-a0bb-4552fee16d39) secret=abc123 "
                + "\"token\": \"xyz\" Authorization signature=deadbeef key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "
                + "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdHJlYW1JZCI6InMxIn0.c2lnbmF0dXJlLXZhbHVl session " + "A".repeat(120);
        String redacted = AppLog.redact(line);
        assertThat(redacted).contains("AccessDenied").contains("7111ff6a-0a26-48b0-a0bb-4552fee16d39")
                .doesNotContain("abc123").doesNotContain("xyz").doesNotContain("deadbeef")
                .doesNotContain("wJalrXUtnFEMI").doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("AAAAAAAAAA");
        assertThat(redacted).contains("secret=[hidden]");
    }
}
