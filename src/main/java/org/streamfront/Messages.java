package org.streamfront;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Every user-visible sentence comes from {@code messages.properties}; this is the one way to read it. */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.streamfront.messages");

    private Messages() {
    }

    public static String get(String key, Object... args) {
        String text = BUNDLE.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, BUNDLE.getLocale()).format(args);
    }

    public static ResourceBundle bundle() {
        return BUNDLE;
    }
}
