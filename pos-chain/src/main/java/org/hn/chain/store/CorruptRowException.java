package org.hn.chain.store;

/**
 * A stored row does not have the shape the chain requires (a missing value, a value of the wrong SQLite
 * storage class, or a binary value of the wrong length), e.g. after a manual edit or an import of a damaged
 * reference database. Reading stops with this error instead of returning a half-valid block.
 */
public final class CorruptRowException extends StoreException {

    private final String table;
    private final String column;

    public CorruptRowException(String table, String key, String column, String problem) {
        super("corrupt row in " + table + " (" + key + "): column " + column + " " + problem);
        this.table = table;
        this.column = column;
    }

    /** The table holding the bad row. */
    public String table() {
        return table;
    }

    /** The column whose value is bad. */
    public String column() {
        return column;
    }
}
