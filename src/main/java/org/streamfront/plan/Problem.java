package org.streamfront.plan;

/** One thing wrong with a plan: where (a JSON path such as {@code origin.httpPort}) and what, in plain words. */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
