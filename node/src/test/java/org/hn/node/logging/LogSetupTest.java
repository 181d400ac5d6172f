package org.hn.node.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hn.config.settings.Settings;
import org.hn.config.settings.SettingsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The daemon's logging as its settings choose it: format, file, levels per category. */
class LogSetupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    /** Gives the next tests of this JVM the bundled configuration back. */
    @AfterEach
    void restoreDefaultLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private static Settings settings(Map<String, String> values) throws SettingsException {
        return Settings.load(null, Map.of(), values);
    }

    private List<String> fileLines() throws Exception {
        return Files.readAllLines(data.resolve("logs").resolve(LogSetup.FILE_NAME), StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesGoToTheLogDirectoryAndOnlyChosenCategoriesLogDebug() throws Exception {
        LogSetup.apply(settings(Map.of("LOG_FORMAT", "json", "LOG_DIR", "logs", "LOG", "connections; Mempool")),
                data, Level.INFO);
        LogCategory.CONNECTIONS.logger().debug("refused connection from banned IP {}", "10.1.2.3");
        LogCategory.MEMPOOL.logger().debug("refused a message from {}", "127.0.0.5:07004");
        LogCategory.SRVMSG.logger().debug("not chosen: not logged");
        LoggerFactory.getLogger("org.hn.node.Example").debug("below the root level: not logged");
        LoggerFactory.getLogger("org.hn.node.Example").info("round {} started", 42);

        List<String> lines = fileLines();
        assertEquals(3, lines.size(), String.join("\n", lines));
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("connections", first.get("loggerName").asText());
        assertEquals("DEBUG", first.get("level").asText());
        assertEquals("refused connection from banned IP 10.1.2.3", first.get("formattedMessage").asText());
        assertTrue(first.get("timestamp").asLong() > 0);
        assertEquals("mempool", JSON.readTree(lines.get(1)).get("loggerName").asText());
        JsonNode last = JSON.readTree(lines.get(2));
        assertEquals("org.hn.node.Example", last.get("loggerName").asText());
        assertEquals("INFO", last.get("level").asText());
        assertEquals("round 42 started", last.get("formattedMessage").asText());
    }

    @Test
    void textIsTheDefaultFormat() throws Exception {
        LogSetup.apply(settings(Map.of("LOG_DIR", "logs")), data, Level.INFO);
        LoggerFactory.getLogger("org.hn.node.Example").warn("the PoW source is not synced");
        List<String> lines = fileLines();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  org\\.hn\\.node\\.Example - the PoW source is not synced"),
                lines.get(0));
    }

    @Test
    void anUnknownCategoryIsRefusedWithTheKnownOnes() {
        SettingsException refused = assertThrows(SettingsException.class,
                () -> LogSetup.apply(settings(Map.of("LOG", "connections;workermsg")), data, Level.INFO));
        assertEquals("LOG: unknown category 'workermsg'; known categories: determine, connections, mempool, srvmsg,"
                + " txdigest, timing", refused.getMessage());
    }
}
