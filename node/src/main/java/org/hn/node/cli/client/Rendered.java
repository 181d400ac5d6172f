package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A query's answer ready to print: the JSON document of {@code --json}, the human text otherwise, the exit code,
 * and notes for stderr in JSON mode (the human text already says them).
 *
 * @param json  the one JSON document printed with {@code --json}
 * @param human the human text, lines ending with a newline
 * @param exit  {@link QueryExit#OK}, {@link QueryExit#UNHEALTHY} or {@link QueryExit#NOT_FOUND}
 * @param notes why the exit is not OK, one line each
 */
record Rendered(JsonNode json, String human, QueryExit exit, List<String> notes) {

    /** An answer printed as it is, exit 0. */
    static Rendered ok(JsonNode json, String human) {
        return new Rendered(json, human, QueryExit.OK, List.of());
    }
}
