package dev.flightdeck.core.mission.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * A YAML number as it was written. Keeping the text means a string field reads {@code 1.10} as
 * "1.10" rather than "1.1", and write-back leaves {@code 0777} as the user wrote it.
 *
 * @param text the scalar's text, which the core schema resolves as an int or a float
 */
record YamlNumber(String text) {

    /** The value under the YAML 1.2 core schema, or null for {@code .inf} and {@code .nan}. */
    BigDecimal value() {
        String t = text.strip();
        String sign = "";
        if (t.startsWith("-") || t.startsWith("+")) {
            sign = t.substring(0, 1);
            t = t.substring(1);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("0o")) {
                return new BigDecimal(new BigInteger(sign + t.substring(2), 8));
            }
            if (lower.startsWith("0x")) {
                return new BigDecimal(new BigInteger(sign + t.substring(2), 16));
            }
            if (lower.startsWith(".")) {
                if (lower.equals(".inf") || lower.equals(".nan")) {
                    return null;
                }
                return new BigDecimal(sign + "0" + t);
            }
            return new BigDecimal(sign + t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
