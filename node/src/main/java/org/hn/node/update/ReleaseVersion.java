package org.hn.node.update;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A release version such as {@code 0.2.0} or {@code 0.2.0-rc1}: dot-separated numbers, compared numerically,
 * and an optional pre-release suffix after a dash, which sorts before the same numbers without suffix
 * ({@code 0.2.0-rc1 < 0.2.0 < 0.10.0}); suffixes compare as text. The strict form also makes the version
 * safe as a folder name.
 *
 * @param text the version as written
 */
public record ReleaseVersion(String text) implements Comparable<ReleaseVersion> {

    private static final Pattern FORM = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,4}(-[0-9A-Za-z.]{1,32})?");

    /**
     * Parses a version.
     *
     * @throws IllegalArgumentException if the text is not of the form above
     */
    public static ReleaseVersion parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a release version (like 0.2.0 or 0.2.0-rc1)");
        }
        return new ReleaseVersion(text);
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        int byNumbers = Arrays.compare(numbers(), other.numbers());
        if (byNumbers != 0) {
            return byNumbers;
        }
        String suffix = suffix();
        String otherSuffix = other.suffix();
        if (suffix.isEmpty() || otherSuffix.isEmpty()) {
            return Boolean.compare(suffix.isEmpty(), otherSuffix.isEmpty());
        }
        return suffix.compareTo(otherSuffix);
    }

    private int[] numbers() {
        int dash = text.indexOf('-');
        String numbers = dash < 0 ? text : text.substring(0, dash);
        int[] parts = Arrays.stream(numbers.split("\\.")).mapToInt(Integer::parseInt).toArray();
        // 0.2 and 0.2.0 are the same version
        int length = parts.length;
        while (length > 1 && parts[length - 1] == 0) {
            length--;
        }
        return Arrays.copyOf(parts, length);
    }

    private String suffix() {
        int dash = text.indexOf('-');
        return dash < 0 ? "" : text.substring(dash + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
