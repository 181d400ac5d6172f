package org.hn.config.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operator settings of a node ({@code spec/ops.md §2.3}, keys that still make sense, plus ours). Their
 * defaults live in the bundled {@code hn-defaults.conf}, which documents each one.
 *
 * <p>Network-wide consensus parameters ({@code TESTS_PER_SLOT}, {@code MIN_FORGE_CONSENSUS},
 * {@code MAX_TXS_PER_BLOCK}, {@code POSNET_ALLOW}, …) are not operator settings: they come from the network's
 * rainbow list on the PoW chain, identical on every node.
 */
public enum Setting {
    /** Which network: mainnet, testnet or devnet. */
    NETWORK(SettingType.choice("mainnet", "testnet", "devnet")),
    /** Address the peer port listens on. */
    BIND(SettingType.TEXT),
    /** The peer port (the reference always listens on 6969). */
    PORT(SettingType.integer(1, 65_535)),
    /** The PoW node's ledger.db, read directly (read-only). */
    POW_LEDGER_DB(SettingType.TEXT),
    /** Registration rules: compat, strict, or auto (compat on mainnet and testnet, strict on devnet). */
    REGISTRY_PROFILE(SettingType.choice("auto", "compat", "strict")),
    /** Outbound peers per round (rainbow may lower it network-wide). */
    MAX_CONNECT_TO(SettingType.integer(1, 200)),
    /** Live peer connections needed to leave START and forge ({@code spec/rounds.md §1.2, §7.1}; 3 in the reference). */
    MINIMUM_CONNECTIVITY(SettingType.integer(1, 200)),
    /** Blocks per blocksync answer and default getheaders count. */
    BLOCK_SYNC_COUNT(SettingType.integer(1, 1000)),
    /** Seconds between iterations of the round manager. */
    WAIT(SettingType.integer(1, 600)),
    /** Seconds between status snapshots (the liveness heartbeat). */
    STATUS_EVERY(SettingType.integer(1, 3600)),
    /** Seconds before a failed peer is tried again. */
    PEER_RETRY_SECONDS(SettingType.integer(1, 3600)),
    /** Inbound connections accepted at once. */
    MAX_INBOUND(SettingType.integer(1, 10_000)),
    /** Largest frame payload accepted or sent, in bytes. */
    FRAME_MAX_BYTES(SettingType.integer(1024, 256 * 1024 * 1024)),
    /** IPs whose reference clients may query without a token (DESIGN.md §4). */
    LEGACY_CLIENTS_FROM(SettingType.LIST),
    /** IPs allowed to call gethypernodes ({@code ALLOW_QUERIES_FROM}). */
    ALLOW_QUERIES_FROM(SettingType.LIST),
    /** Messages held in the mempool at most. */
    MEMPOOL_MAX(SettingType.integer(100, 1_000_000)),
    /** Messages one sender may have in the mempool within the hour. */
    MEMPOOL_PER_SENDER(SettingType.integer(1, 100_000)),
    /** Deepest automatic rollback in blocks (chain.md §11.3). */
    MAX_ROLLBACK_BLOCKS(SettingType.integer(1, 10_000)),
    /** Extra log categories: determine, connections, mempool, srvmsg, txdigest, timing. */
    LOG(SettingType.LIST),
    /** Log line format: text (human) or json (one JSON object per line). */
    LOG_FORMAT(SettingType.choice("text", "json")),
    /** Directory of the size-capped rolling log files; empty: log to the standard error only. */
    LOG_DIR(SettingType.TEXT),
    /** Bootstrap archive URLs tried when the chain is empty. */
    BOOTSTRAP_URLS(SettingType.LIST),
    /** PoS addresses whose bootstrap archives are accepted; empty accepts any signer (the chain is still checked). */
    BOOTSTRAP_SIGNERS(SettingType.LIST),
    /** Own bootstrap archives kept, one made at each round end; 0 makes none. */
    BOOTSTRAP_KEEP(SettingType.integer(0, 1000)),
    /** Port of the Prometheus metrics endpoint; 0 turns it off. */
    METRICS_PORT(SettingType.integer(0, 65_535)),
    /** Address the metrics endpoint listens on (loopback unless the operator opens it). */
    METRICS_BIND(SettingType.TEXT);

    private final SettingType type;

    Setting(SettingType type) {
        this.type = type;
    }

    /** The value type, which parses and checks text. */
    public SettingType type() {
        return type;
    }

    /** The key as written in files and after {@code HN_} in the environment. */
    public String key() {
        return name();
    }

    /** The setting of a key, case-insensitive. */
    public static Optional<Setting> ofKey(String key) {
        String wanted = key.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(setting -> setting.name().equals(wanted)).findFirst();
    }

    /** Every key, for error messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Setting::key).toList();
    }
}
