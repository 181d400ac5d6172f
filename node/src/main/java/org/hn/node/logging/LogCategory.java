package org.hn.node.logging;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference's extra log categories ({@code spec/ops.md §2.3 LOG}) that still describe something we do, each a
 * logger of that very name: an operator turns one on with {@code LOG=connections;mempool}, which logs it at DEBUG,
 * and finds its lines under that logger name in text and JSON logs alike.
 */
public enum LogCategory {
    /** Forging decisions: why we forge or wait in our slot. */
    DETERMINE,
    /** Peer connections: accepted, refused, dropped. */
    CONNECTIONS,
    /** Messages the mempool refuses. */
    MEMPOOL,
    /** Every request a peer or client sends us. */
    SRVMSG,
    /** Messages digested from peers' mempool exchanges. */
    TXDIGEST,
    /** How long round preparation, syncs and forging take. */
    TIMING;

    private final Logger logger = LoggerFactory.getLogger(loggerName());

    /** The logger name, the category in lower case as written in {@code LOG}. */
    public String loggerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category's logger. */
    public Logger logger() {
        return logger;
    }

    /** The category of a {@code LOG} item, case-insensitive. */
    public static Optional<LogCategory> of(String item) {
        String wanted = item.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(category -> category.name().equals(wanted)).findFirst();
    }
}
