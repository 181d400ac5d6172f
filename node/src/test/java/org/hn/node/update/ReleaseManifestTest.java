package org.hn.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions and manifests: the ordering that guards against downgrades, and every malformed field refused. */
class ReleaseManifestTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void versionsOrderNumericallyWithPreReleasesFirst() {
        List<String> ascending = List.of("0.1.0-SNAPSHOT", "0.1.0", "0.2.0-rc1", "0.2.0-rc2", "0.2.0", "0.2.1",
                "0.10.0", "1.0.0");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            ReleaseVersion lower = ReleaseVersion.parse(ascending.get(i));
            ReleaseVersion higher = ReleaseVersion.parse(ascending.get(i + 1));
            assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
            assertTrue(higher.compareTo(lower) > 0, higher + " > " + lower);
        }
        assertEquals(0, ReleaseVersion.parse("0.2").compareTo(ReleaseVersion.parse("0.2.0")));
    }

    @Test
    void versionsThatAreNotSafeFolderNamesAreRefused() {
        for (String bad : List.of("", "..", "../0.2.0", "0.2.0/..", "0.2.0-", "v0.2.0", "0.2.0 ", "0.2.0-a/b",
                "1.2.3.4.5.6")) {
            assertThrows(IllegalArgumentException.class, () -> ReleaseVersion.parse(bad), bad);
        }
    }

    @Test
    void manifestRoundTripsThroughItsJson() throws UpdateException {
        ReleaseManifest manifest = new ReleaseManifest(ReleaseVersion.parse("0.2.0"), "hn-0.2.0.jar", HASH, 1234);

        assertEquals(manifest, ReleaseManifest.parse(manifest.toJson()));
        assertEquals(URI.create("https://example.org/hn/hn-0.2.0.jar"),
                manifest.jarUri(URI.create("https://example.org/hn/manifest.json")));
    }

    @Test
    void malformedManifestsAreRefusedWithTheFieldNamed() {
        String good = "\"version\": \"0.2.0\", \"jar\": \"hn.jar\", \"size\": 5";
        List<List<String>> cases = List.of(
                List.of("[1, 2]", "not a JSON object"),
                List.of("{oops", "not JSON"),
                List.of("{\"jar\": \"hn.jar\", \"sha256\": \"" + HASH + "\", \"size\": 5}", "version is missing"),
                List.of("{\"version\": \"../x\", \"jar\": \"hn.jar\", \"sha256\": \"" + HASH + "\", \"size\": 5}",
                        "not a release version"),
                List.of("{" + good + ", \"sha256\": \"abc\"}", "sha256 is not 64 hex digits"),
                List.of("{\"version\": \"0.2.0\", \"jar\": \"hn.jar\", \"sha256\": \"" + HASH + "\", \"size\": -1}",
                        "size is not a positive byte count"),
                List.of("{\"version\": \"0.2.0\", \"jar\": \"hn.jar\", \"sha256\": \"" + HASH + "\", \"size\": \"5\"}",
                        "size is not a positive byte count"));
        for (List<String> badCase : cases) {
            UpdateException refused = assertThrows(UpdateException.class,
                    () -> ReleaseManifest.parse(badCase.get(0).getBytes(StandardCharsets.UTF_8)), badCase.get(0));
            assertTrue(refused.getMessage().contains(badCase.get(1)), refused.getMessage());
        }
    }

    @Test
    void jarOutsideHttpIsRefused() {
        ReleaseManifest manifest = new ReleaseManifest(ReleaseVersion.parse("0.2.0"), "file:///etc/shadow", HASH, 5);

        UpdateException refused = assertThrows(UpdateException.class,
                () -> manifest.jarUri(URI.create("https://example.org/hn/manifest.json")));
        assertTrue(refused.getMessage().contains("is not http or https"), refused.getMessage());
    }
}
