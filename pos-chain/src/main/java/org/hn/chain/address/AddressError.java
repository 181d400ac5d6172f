package org.hn.chain.address;

/** Why an address failed full validation, with the reference's error text ({@code spec/chain.md §2.3}). */
public enum AddressError {
    /** Not 34 characters of the Base58 alphabet. */
    FORMAT("Invalid address format"),
    /** The BLAKE2b-32 checksum does not match the first 21 bytes. */
    CHECKSUM("Invalid address checksum"),
    /** A valid address of another network. */
    NETWORK("Invalid Network");

    private final String referenceText;

    AddressError(String referenceText) {
        this.referenceText = referenceText;
    }

    /** The reference's error text, without the address or network details it appends. */
    public String referenceText() {
        return referenceText;
    }
}
