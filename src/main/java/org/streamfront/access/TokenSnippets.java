package org.streamfront.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Short server-side examples of making a viewer token, for the user's web developer. */
public final class TokenSnippets {
    /** The languages offered, as the command line names them. */
    public static final List<String> LANGUAGES = List.of("js", "php", "python");

    private TokenSnippets() {
    }

    /** The example in {@code language}, with the distribution's address and the stream filled in. */
    public static String of(String language, String domain, String streamId) {
        String file = switch (language) {
            case "js" -> "token.js";
            case "php" -> "token.php";
            case "python" -> "token.py";
            default -> throw new IllegalArgumentException("no example in " + language + "; there are " + String.join(", ", LANGUAGES));
        };
        try (InputStream in = TokenSnippets.class.getResourceAsStream("snippets/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("%DOMAIN%", domain == null || domain.isBlank() ? "d111111abcdef8.cloudfront.net" : domain)
                    .replace("%STREAM%", streamId == null || streamId.isBlank() ? "stream1" : streamId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
