package org.hn.config.settings;

/** Where an effective setting value came from; later origins win. */
public enum SettingOrigin {
    /** The bundled hn-defaults.conf. */
    DEFAULT,
    /** The operator file {@code hn.conf} in the data directory. */
    OPERATOR_FILE,
    /** An {@code HN_<KEY>} environment variable. */
    ENVIRONMENT,
    /** {@code --set KEY=VALUE} or a dedicated option on the command line. */
    COMMAND_LINE
}
