package org.hn.config.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path directory;

    @Test
    void everySettingHasADocumentedDefault() {
        Settings defaults = Settings.defaults();
        for (Setting setting : Setting.values()) {
            assertEquals(SettingOrigin.DEFAULT, defaults.origin(setting), setting.key());
        }
        assertEquals(6969, defaults.integer(Setting.PORT));
        assertEquals(3, defaults.integer(Setting.MINIMUM_CONNECTIVITY), "the reference's MINIMUM_CONNECTIVITY");
        assertEquals("mainnet", defaults.text(Setting.NETWORK));
        assertEquals(List.of("127.0.0.1", "::1"), defaults.list(Setting.LEGACY_CLIENTS_FROM));
        assertEquals(List.of(), defaults.list(Setting.LOG));
        assertEquals(Setting.values().length, defaults.describe().size());
        assertEquals("PORT=6969 (default)", defaults.describe().get(Setting.PORT.ordinal()));
    }

    @Test
    void laterSourcesWinAndKeepTheirOrigin() throws Exception {
        Path file = directory.resolve(Settings.OPERATOR_FILE);
        Files.writeString(file, """
                # my node
                port = 7000   # behind the NAT
                NETWORK=devnet
                LOG=mempool, timing;srvmsg
                WAIT=5
                """);
        Settings settings = Settings.load(file,
                Map.of("HN_WAIT", "7", "HN_JAVA_OPTS", "-Xmx64m", "HOME", "/root", "HN_STATUS_EVERY", "15"),
                Map.of("status_every", "12"));
        assertEquals(7000, settings.integer(Setting.PORT));
        assertEquals(SettingOrigin.OPERATOR_FILE, settings.origin(Setting.PORT));
        assertEquals("devnet", settings.text(Setting.NETWORK));
        assertEquals(List.of("mempool", "timing", "srvmsg"), settings.list(Setting.LOG));
        assertEquals(7, settings.integer(Setting.WAIT));
        assertEquals(SettingOrigin.ENVIRONMENT, settings.origin(Setting.WAIT));
        assertEquals(12, settings.integer(Setting.STATUS_EVERY));
        assertEquals(SettingOrigin.COMMAND_LINE, settings.origin(Setting.STATUS_EVERY));
        assertEquals(SettingOrigin.DEFAULT, settings.origin(Setting.MAX_CONNECT_TO));
        assertEquals(Settings.load(directory.resolve("absent.conf"), Map.of(), Map.of()).describe(),
                Settings.defaults().describe(), "a missing operator file is an empty one");
    }

    @Test
    void badLinesNameTheFileLineAndFix() throws Exception {
        assertFileError("PORT=6969\nPROT=7000\n",
                ":2: unknown setting 'PROT'; known settings: " + String.join(", ", Setting.keys()));
        assertFileError("\n\nWAIT 10\n", ":3: expected KEY=VALUE, got 'WAIT 10'");
        assertFileError("WAIT=10 seconds\n", ":1: WAIT: expected an integer from 1 to 600, got '10 seconds'");
        assertFileError("PORT=0\n", ":1: PORT: expected an integer from 1 to 65535, got '0'");
        assertFileError("WAIT=10\nwait=11\n", ":2: WAIT is set twice in this file");
        assertFileError("NETWORK=moon\n", ":1: NETWORK: expected one of [devnet, mainnet, testnet], got 'moon'");
        assertEquals("environment HN_PORT: PORT: expected an integer from 1 to 65535, got 'http'",
                assertThrows(SettingsException.class, () -> Settings.load(null, Map.of("HN_PORT", "http"), Map.of()))
                        .getMessage());
        assertEquals("--set FOO: unknown setting; known settings: " + String.join(", ", Setting.keys()),
                assertThrows(SettingsException.class, () -> Settings.load(null, Map.of(), Map.of("FOO", "1")))
                        .getMessage());
    }

    private void assertFileError(String content, String expectedSuffix) throws Exception {
        Path file = directory.resolve("bad.conf");
        Files.writeString(file, content);
        SettingsException error = assertThrows(SettingsException.class, () -> Settings.load(file, Map.of(), Map.of()));
        assertEquals(file + expectedSuffix, error.getMessage());
    }
}
