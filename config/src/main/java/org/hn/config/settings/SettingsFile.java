package org.hn.config.settings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code KEY=VALUE} text format of {@code hn-defaults.conf} and {@code hn.conf} ({@code spec/ops.md §2.2},
 * with its careful implementation): one setting per line; {@code #} starts a comment, also after a value;
 * blank lines are ignored; spaces around key and value are trimmed; an unknown key, a line without {@code =}, a
 * key given twice or a value of the wrong type is an error naming the file and line.
 */
public final class SettingsFile {

    private SettingsFile() {
    }

    /**
     * Parses the lines of a settings file.
     *
     * @param source the file's name, for error messages
     * @return the checked values of the keys the file sets
     * @throws SettingsException at the first bad line
     */
    public static Map<Setting, String> parse(String source, List<String> lines) throws SettingsException {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (int index = 0; index < lines.size(); index++) {
            String where = source + ":" + (index + 1) + ": ";
            String line = stripComment(lines.get(index)).trim();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new SettingsException(where + "expected KEY=VALUE, got '" + line + "'");
            }
            String key = line.substring(0, equals).trim();
            Setting setting = Setting.ofKey(key).orElseThrow(() -> new SettingsException(
                    where + "unknown setting '" + key + "'; known settings: " + String.join(", ", Setting.keys())));
            if (values.containsKey(setting)) {
                throw new SettingsException(where + setting.key() + " is set twice in this file");
            }
            values.put(setting, check(setting, line.substring(equals + 1).trim(), where));
        }
        return values;
    }

    /**
     * Checks one value for a setting.
     *
     * @param where the prefix of the error message (file and line, or variable name)
     * @throws SettingsException saying what was expected
     */
    static String check(Setting setting, String value, String where) throws SettingsException {
        try {
            return setting.type().check(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(where + setting.key() + ": " + e.getMessage());
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
