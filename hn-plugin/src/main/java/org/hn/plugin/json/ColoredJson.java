package org.hn.plugin.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hn.registry.colored.Color;
import org.hn.registry.colored.ColoredLists;

/** The {@code colored.json} form of the colored lists ({@code spec/pow.md §8.2}): every color, in {@link Color} order. */
public final class ColoredJson {

    private ColoredJson() {
    }

    /** {@code {color: [items…]}} for all eleven colors, absent ones empty. */
    public static ObjectNode of(ColoredLists lists) {
        ObjectNode colored = JsonNodeFactory.instance.objectNode();
        for (Color color : Color.values()) {
            ArrayNode items = colored.putArray(color.id());
            lists.items(color).forEach(items::add);
        }
        return colored;
    }
}
