package org.hn.config.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A node's effective settings, each with its origin. Sources, later winning: the bundled defaults, the
 * operator file, {@code HN_<KEY>} environment variables, the command line ({@code spec/ops.md §2.1}).
 */
public final class Settings {

    /** The operator file's name inside the data directory. */
    public static final String OPERATOR_FILE = "hn.conf";
    /** Prefix of the environment variables that set a key. */
    public static final String ENVIRONMENT_PREFIX = "HN_";

    private final Map<Setting, String> values;
    private final Map<Setting, SettingOrigin> origins;

    private Settings(Map<Setting, String> values, Map<Setting, SettingOrigin> origins) {
        this.values = values;
        this.origins = origins;
    }

    /** The bundled defaults alone. */
    public static Settings defaults() {
        try {
            return load(null, Map.of(), Map.of());
        } catch (SettingsException e) {
            throw new IllegalStateException("the bundled hn-defaults.conf is broken: " + e.getMessage(), e);
        }
    }

    /**
     * Resolves the settings.
     *
     * @param operatorFile the operator's {@code hn.conf}, or null; a missing file is the same as an empty one
     * @param environment  the process environment; only {@code HN_<KEY>} variables of known keys are read
     * @param commandLine  values given on the command line, by key
     * @throws SettingsException naming the file and line, variable or option that is wrong
     */
    public static Settings load(Path operatorFile, Map<String, String> environment, Map<String, String> commandLine)
            throws SettingsException {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, SettingOrigin> origins = new EnumMap<>(Setting.class);
        apply(values, origins, SettingsFile.parse("hn-defaults.conf", bundledDefaults()), SettingOrigin.DEFAULT);
        for (Setting setting : Setting.values()) {
            if (!values.containsKey(setting)) {
                throw new IllegalStateException("hn-defaults.conf has no default for " + setting.key());
            }
        }
        if (operatorFile != null && Files.exists(operatorFile)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(operatorFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SettingsException(operatorFile + ": cannot be read (" + e.getMessage() + ")");
            }
            apply(values, origins, SettingsFile.parse(operatorFile.toString(), lines), SettingOrigin.OPERATOR_FILE);
        }
        Map<Setting, String> fromEnvironment = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String variable = ENVIRONMENT_PREFIX + setting.key();
            String value = environment.get(variable);
            if (value != null) {
                fromEnvironment.put(setting, SettingsFile.check(setting, value.trim(), "environment " + variable + ": "));
            }
        }
        apply(values, origins, fromEnvironment, SettingOrigin.ENVIRONMENT);
        Map<Setting, String> fromCommandLine = new EnumMap<>(Setting.class);
        for (Map.Entry<String, String> entry : commandLine.entrySet()) {
            Setting setting = Setting.ofKey(entry.getKey()).orElseThrow(() -> new SettingsException(
                    "--set " + entry.getKey() + ": unknown setting; known settings: " + String.join(", ", Setting.keys())));
            fromCommandLine.put(setting, SettingsFile.check(setting, entry.getValue().trim(), "--set "));
        }
        apply(values, origins, fromCommandLine, SettingOrigin.COMMAND_LINE);
        return new Settings(values, origins);
    }

    private static void apply(Map<Setting, String> values, Map<Setting, SettingOrigin> origins,
                              Map<Setting, String> layer, SettingOrigin origin) {
        values.putAll(layer);
        layer.keySet().forEach(setting -> origins.put(setting, origin));
    }

    private static List<String> bundledDefaults() {
        try (InputStream in = Settings.class.getResourceAsStream("hn-defaults.conf")) {
            if (in == null) {
                throw new IllegalStateException("hn-defaults.conf is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as text (checked when loaded). */
    public String text(Setting setting) {
        return values.get(setting);
    }

    /** The value of an integer setting. */
    public int integer(Setting setting) {
        return Integer.parseInt(values.get(setting));
    }

    /** The items of a list setting. */
    public List<String> list(Setting setting) {
        return SettingType.ListOf.items(values.get(setting));
    }

    /** Where the value came from. */
    public SettingOrigin origin(Setting setting) {
        return origins.get(setting);
    }

    /** One line per setting, {@code KEY=value (origin)}, for the start-up log. */
    public List<String> describe() {
        return values.entrySet().stream()
                .map(entry -> entry.getKey().key() + "=" + entry.getValue() + " ("
                        + origins.get(entry.getKey()).name().toLowerCase(java.util.Locale.ROOT) + ")")
                .toList();
    }
}
