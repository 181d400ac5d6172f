package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hn.config.settings.Setting;
import org.junit.jupiter.api.Test;

/** The configuration table of {@code docs/operator-guide.md} lists every key of the bundled defaults, with its default. */
class OperatorGuideSettingsTest {

    @Test
    void theTableIsTheBundledDefaults() throws IOException {
        Map<String, String> bundled = new LinkedHashMap<>();
        try (InputStream in = Setting.class.getResourceAsStream("hn-defaults.conf")) {
            assertNotNull(in, "hn-defaults.conf is not on the classpath");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int equals = line.indexOf('=');
                    bundled.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
        }
        Map<String, String> documented = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(DocExamplesTest.DOCS.resolve("operator-guide.md"));
        int header = lines.indexOf("| key | default | meaning |");
        for (String row : lines.subList(header + 2, lines.size())) {
            if (!row.startsWith("|")) {
                break;
            }
            String[] cells = row.split("\\|");
            String value = cells[2].strip();
            documented.put(cells[1].strip().replace("`", ""), value.equals("(empty)") ? "" : value.replace("`", ""));
        }
        assertEquals(bundled, documented);
        assertEquals(Setting.keys(), List.copyOf(documented.keySet()));
    }
}
