package org.streamfront.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the edge does with one viewer request when tokens are on: the decision the published
 * function ({@code viewer-token.js}) makes, in Java, for the practice edge and the practice
 * TestFunction. A token rides in the path ({@code /t/<token>/streams/<file>}), which relative
 * segment and rendition URLs inherit; it is removed before the cache, so every viewer shares one
 * copy. A token in the query (AMS's style) is answered with a redirect to the path form.
 */
public final class EdgeCheck {
    /** The path form; the function matches the same expression. */
    static final Pattern TOKEN_PATH = Pattern.compile("^/t/([^/]+)(/.*)$");
    /** The store's keys: the secret, and the one before it with the moment it stops being accepted. */
    public static final String SECRET_KEY = "secret";
    public static final String PREVIOUS_KEY = "previous";
    public static final String PREVIOUS_UNTIL_KEY = "previousUntil";

    /** The secrets in force: the current one, and the previous one while its grace period lasts. */
    public record Secrets(String current, String previous, Instant previousUntil) {
        public static Secrets of(Map<String, String> store) {
            String until = store.get(PREVIOUS_UNTIL_KEY);
            return new Secrets(store.get(SECRET_KEY), store.get(PREVIOUS_KEY),
                    until == null || !until.matches("[0-9]{1,12}") ? null : Instant.ofEpochSecond(Long.parseLong(until)));
        }
    }

    /** The outcome: pass on with this path, redirect, or refuse with a status and a short reason. */
    public record Decision(int status, String uri, String location, String reason) {
        static Decision pass(String uri) {
            return new Decision(0, uri, null, null);
        }

        static Decision redirect(String location) {
            return new Decision(302, null, location, null);
        }

        static Decision refuse(int status, String reason) {
            return new Decision(status, null, null, reason);
        }

        public boolean passes() {
            return status == 0;
        }
    }

    private EdgeCheck() {
    }

    /**
     * The decision for a request: {@code uri} is its path, {@code query} its query parameters
     * (decoded), {@code secrets} what the store holds.
     */
    public static Decision decide(String uri, Map<String, String> query, Secrets secrets, Instant now) {
        Matcher m = TOKEN_PATH.matcher(uri);
        String queryToken = query.get("token");
        if (!m.matches() && queryToken != null && !queryToken.isEmpty()) {
            Map<String, String> rest = new LinkedHashMap<>(query);
            rest.remove("token");
            StringBuilder location = new StringBuilder("/t/").append(encode(queryToken)).append(uri);
            String sep = "?";
            for (var e : rest.entrySet()) {
                location.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
                sep = "&";
            }
            return Decision.redirect(location.toString());
        }
        if (!m.matches()) {
            return Decision.refuse(401, "This stream needs a viewer token.");
        }
        if (secrets.current() == null) {
            return Decision.refuse(503, "The viewer check is not ready yet.");
        }
        String token = m.group(1);
        String rest = m.group(2);
        ViewerToken.Result result = ViewerToken.check(token, secrets.current(), now);
        if (result.verdict() == ViewerToken.Verdict.FORGED && secrets.previous() != null && secrets.previousUntil() != null
                && now.getEpochSecond() < secrets.previousUntil().getEpochSecond()) {
            result = ViewerToken.check(token, secrets.previous(), now);
        }
        if (!result.verdict().valid()) {
            return Decision.refuse(403, reason(result.verdict()));
        }
        if (!StreamPaths.belongsTo(rest, result.claims().streamId())) {
            return Decision.refuse(403, "This token opens another stream.");
        }
        return Decision.pass(rest);
    }

    private static String reason(ViewerToken.Verdict verdict) {
        return switch (verdict) {
            case EXPIRED -> "This viewer token has expired.";
            case FORGED -> "This viewer token was not signed with this stream's secret.";
            case WRONG_ALGORITHM -> "This viewer token is not signed with HS256.";
            case NOT_FOR_PLAYING -> "This token is not a play token.";
            default -> "This is not a viewer token.";
        };
    }

    private static String encode(String s) {
        // As JavaScript's encodeURIComponent, so the function and this class redirect alike.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!").replace("%27", "'")
                .replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }
}
