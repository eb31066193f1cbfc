package org.streamfront;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Numbers and prices in sentences, written the way the user's locale writes them (1,234.5 or 1.234,5). */
public final class Numbers {
    private static final Currency USD = Currency.getInstance("USD");

    private Numbers() {
    }

    /** A count or amount rounded to a whole number, with the locale's grouping: 12,345. */
    public static String whole(double value) {
        return decimals(value, 0);
    }

    /** With exactly {@code digits} decimals: 1.5 million. */
    public static String decimals(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }

    /** US dollars (AWS bills in them) as the locale writes money: cents, or a hundredth of a cent below a dollar. */
    public static String dollars(double amount) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale());
        f.setCurrency(USD);
        int digits = amount != 0 && Math.abs(amount) < 1 ? 4 : 2;
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(amount);
    }

    private static Locale locale() {
        return Locale.getDefault(Locale.Category.FORMAT);
    }
}
