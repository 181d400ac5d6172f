package org.hn.config.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How a setting's text value is checked and read: an integer within bounds, one of a few words, free text,
 * or a list whose items are separated by {@code ;} or {@code ,} ({@code spec/ops.md §2.2}).
 */
public sealed interface SettingType {

    /** Free text, taken as written. */
    SettingType TEXT = new Text();
    /** A list: items separated by {@code ;} or {@code ,}, trimmed, empty items dropped. */
    SettingType LIST = new ListOf();

    /** An integer within {@code min … max}, inclusive. */
    static SettingType integer(long min, long max) {
        return new IntegerRange(min, max);
    }

    /** One of the given words, compared without case. */
    static SettingType choice(String... words) {
        return new Choice(Set.of(words));
    }

    /**
     * Checks a value.
     *
     * @return the value in its canonical text form
     * @throws IllegalArgumentException saying what was expected
     */
    String check(String value);

    /** Free text. */
    record Text() implements SettingType {
        @Override
        public String check(String value) {
            return value;
        }
    }

    /** A separated list. */
    record ListOf() implements SettingType {
        @Override
        public String check(String value) {
            return String.join(";", items(value));
        }

        /** The items of a list value. */
        public static List<String> items(String value) {
            return Arrays.stream(value.split("[;,]")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }
    }

    /** A bounded integer. */
    record IntegerRange(long min, long max) implements SettingType {
        @Override
        public String check(String value) {
            try {
                long number = Long.parseLong(value.trim());
                if (number >= min && number <= max) {
                    return Long.toString(number);
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new IllegalArgumentException("expected an integer from " + min + " to " + max + ", got '" + value + "'");
        }
    }

    /** A word from a fixed set. */
    record Choice(Set<String> words) implements SettingType {
        @Override
        public String check(String value) {
            String word = value.trim().toLowerCase(java.util.Locale.ROOT);
            if (words.contains(word)) {
                return word;
            }
            throw new IllegalArgumentException("expected one of " + words.stream().sorted().toList() + ", got '" + value + "'");
        }
    }
}
