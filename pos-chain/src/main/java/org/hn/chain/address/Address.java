package org.hn.chain.address;

import io.github.novacrypto.base58.Base58;
import io.github.novacrypto.base58.BadCharacterException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.hn.chain.crypto.Blake2b;
import org.hn.chain.crypto.PublicKey;

/**
 * PoS addresses: {@code Base58(N ‖ BLAKE2b-160(pubkey) ‖ BLAKE2b-32(N ‖ hash))}, 25 bytes encoded as 34
 * characters ({@code spec/chain.md §2}).
 */
public final class Address {

    /** Length of every PoS address in characters. */
    public static final int LENGTH = 34;
    /** Length of the decoded form: network id (1) ‖ hash (20) ‖ checksum (4). */
    public static final int DECODED_LENGTH = 25;

    private static final Pattern QUICK = Pattern.compile("[A-Za-z0-9]{34}");

    private Address() {
    }

    /** The address of a public key on the network with id byte {@code networkId} (§2.1). */
    public static String fromPublicKey(PublicKey publicKey, byte networkId) {
        return fromPublicKeyBytes(publicKey.toBytes(), networkId);
    }

    /**
     * The address derived from any byte string taken as the public key. Only the reference's own unit
     * test hashes something other than 64 raw key bytes; real keys go through {@link #fromPublicKey}.
     */
    static String fromPublicKeyBytes(byte[] publicKey, byte networkId) {
        byte[] raw = new byte[DECODED_LENGTH];
        raw[0] = networkId;
        System.arraycopy(Blake2b.hash160(publicKey), 0, raw, 1, 20);
        System.arraycopy(Blake2b.hash32(raw, 0, 21), 0, raw, 21, 4);
        return Base58.base58Encode(raw);
    }

    /**
     * The reference's quick check ({@code validate_address_quick}): the text starts with 34 characters of
     * {@code [A-Za-z0-9]}. Longer strings and non-Base58 letters pass; kept for historical data only.
     */
    public static boolean passesQuickCheck(String address) {
        return address != null && QUICK.matcher(address).lookingAt();
    }

    /**
     * Full validation (§2.3): exactly 34 Base58 characters, checksum, network id.
     *
     * @return the 20-byte hash of the public key
     * @throws InvalidAddressException with the failed check and the reference's error text
     */
    public static byte[] decode(String address, byte networkId) throws InvalidAddressException {
        if (address == null || address.length() != LENGTH || !QUICK.matcher(address).matches()) {
            throw new InvalidAddressException(AddressError.FORMAT, "Invalid address format: " + address);
        }
        byte[] raw;
        try {
            raw = Base58.base58Decode(address);
        } catch (BadCharacterException e) {
            throw new InvalidAddressException(AddressError.FORMAT, "Invalid address format: " + address);
        }
        if (raw.length != DECODED_LENGTH) {
            throw new InvalidAddressException(AddressError.FORMAT, "Invalid address format: " + address);
        }
        byte[] checksum = Blake2b.hash32(raw, 0, 21);
        if (!Arrays.equals(checksum, 0, 4, raw, 21, 25)) {
            throw new InvalidAddressException(AddressError.CHECKSUM, "Invalid address checksum for " + address);
        }
        if (raw[0] != networkId) {
            throw new InvalidAddressException(AddressError.NETWORK, "Invalid Network: 0x"
                    + HexFormat.of().toHexDigits(raw[0]) + " instead of 0x" + HexFormat.of().toHexDigits(networkId));
        }
        return Arrays.copyOfRange(raw, 1, 21);
    }

    /** Whether {@link #decode} accepts the address on that network. */
    public static boolean isValid(String address, byte networkId) {
        try {
            decode(address, networkId);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }
}
