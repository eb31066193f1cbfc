package org.streamfront.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        return TEMPLATES.computeIfAbsent(file, TokenSnippets::read)
                    .replace("%DOMAIN%", domain == null || domain.isBlank() ? "d111111abcdef8.cloudfront.net" : domain)
                    .replace("%STREAM%", streamId == null || streamId.isBlank() ? "stream1" : streamId);
    }

    /** Each template read once: the Play step fills it in again as the stream id is typed. */
    private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();

    private static String read(String file) {
        try (InputStream in = TokenSnippets.class.getResourceAsStream("snippets/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
