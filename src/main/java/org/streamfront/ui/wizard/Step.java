package org.streamfront.ui.wizard;

import java.util.Locale;
import org.streamfront.Messages;

/** The wizard's steps, in the tutorial's order. */
public enum Step {
    ACCOUNT, ORIGIN, CACHE, ERROR_PAGES, REVIEW, DEPLOY, PLAY, ADDRESS;

    /** The last step: there is no Next after it. */
    public static Step last() {
        return ADDRESS;
    }

    public String title() {
        return Messages.get("step." + name().toLowerCase(Locale.ROOT) + ".title");
    }

    public Step next() {
        return this == last() ? this : values()[ordinal() + 1];
    }

    public Step previous() {
        return this == ACCOUNT ? ACCOUNT : values()[ordinal() - 1];
    }
}
