package org.hn.chain.crypto;

/** A key whose bytes do not encode a valid secp256k1 key. */
public final class InvalidKeyException extends Exception {

    public InvalidKeyException(String message) {
        super(message);
    }

    public InvalidKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
