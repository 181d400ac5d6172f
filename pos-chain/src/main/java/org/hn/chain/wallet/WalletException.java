package org.hn.chain.wallet;

/** A wallet file that cannot be used; the message names the file and the problem. */
public final class WalletException extends Exception {

    public WalletException(String message) {
        super(message);
    }
}
