package org.streamfront.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The CloudFront Function StreamFront publishes for a plan whose viewers need a token, and the
 * names of it and of its key value store. The code is the same for every plan and holds no secret:
 * each plan's function reads its own store.
 */
public final class ViewerFunction {
    public static final String RUNTIME = "cloudfront-js-2.0";
    public static final String EVENT_TYPE = "viewer-request";
    /** CloudFront's limit for a function's code. */
    public static final int MAX_CODE_BYTES = 10_240;
    /** What every StreamFront viewer function's name starts with (then the plan id). */
    public static final String FUNCTION_PREFIX = "StreamFront-viewers-";
    private static final String STORE_PREFIX = "StreamFront-secret-";
    private static final String SOURCE = read();

    private ViewerFunction() {
    }

    /** The JavaScript source, exactly as published. */
    public static String source() {
        return SOURCE;
    }

    /** The function's name: 1-64 letters, digits, hyphens and underscores, one per plan. */
    public static String functionName(String planId) {
        return name(FUNCTION_PREFIX, planId);
    }

    /** The key value store's name, with the same rules. */
    public static String storeName(String planId) {
        return name(STORE_PREFIX, planId);
    }

    private static String name(String prefix, String planId) {
        String safe = planId.replaceAll("[^A-Za-z0-9_-]", "-");
        String name = prefix + safe;
        return name.length() <= 64 ? name : prefix + String.format("%08x", planId.hashCode()) + safe.substring(safe.length() - (64 - prefix.length() - 8));
    }

    private static String read() {
        try (InputStream in = ViewerFunction.class.getResourceAsStream("viewer-token.js")) {
            if (in == null) {
                throw new IllegalStateException("viewer-token.js is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
