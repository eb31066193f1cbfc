package org.streamfront.origin;

/** One line of a checklist: green, amber or red, what it means in plain words, and the raw facts behind it. */
public record Check(String id, Mark mark, String summary, String detail) {
    public enum Mark { GREEN, AMBER, RED }

    public static Check green(String id, String summary, String detail) {
        return new Check(id, Mark.GREEN, summary, detail);
    }

    public static Check amber(String id, String summary, String detail) {
        return new Check(id, Mark.AMBER, summary, detail);
    }

    public static Check red(String id, String summary, String detail) {
        return new Check(id, Mark.RED, summary, detail);
    }
}
