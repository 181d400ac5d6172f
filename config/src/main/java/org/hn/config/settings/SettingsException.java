package org.hn.config.settings;

/** A settings source that cannot be used; the message names the file and line, or the variable, and the fix. */
public final class SettingsException extends Exception {

    public SettingsException(String message) {
        super(message);
    }
}
