package org.hn.chain.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;

/**
 * The PoS wallet file {@code poswallet.json} ({@code spec/chain.md §3.5}): a JSON object with
 * {@code encrypted} (false), {@code pubkey} (Base64 of 64 bytes), {@code privkey} (Base64 of 32 bytes),
 * {@code address}, {@code label} and {@code created} (unix seconds).
 *
 * @param key     the node's private key
 * @param address the key's address on the wallet's network
 * @param label   free text, "" by default
 * @param created creation time, unix seconds
 */
public record PosWallet(PrivateKey key, String address, String label, long created) {

    /** The wallet's usual file name inside a data directory. */
    public static final String FILE_NAME = "poswallet.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A wallet for a key on the network with address id byte {@code networkId}. */
    public static PosWallet of(PrivateKey key, byte networkId, long createdSeconds) {
        return new PosWallet(key, Address.fromPublicKey(key.publicKey(), networkId), "", createdSeconds);
    }

    /**
     * Reads and checks a wallet file: the address must derive from the public key on {@code networkId} and the
     * public key from the private key, as the reference's loaders require.
     *
     * @throws WalletException naming the file and what is wrong with it
     */
    public static PosWallet read(Path file, byte networkId) throws WalletException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new WalletException(file + ": not a JSON wallet (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new WalletException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new WalletException(file + ": a wallet is a JSON object");
        }
        if (root.path("encrypted").asBoolean(false)) {
            throw new WalletException(file + ": encrypted wallets are not supported");
        }
        PrivateKey key;
        try {
            key = PrivateKey.fromBytes(base64(root, "privkey", file));
        } catch (InvalidKeyException e) {
            throw new WalletException(file + ": privkey: " + e.getMessage());
        }
        if (!Arrays.equals(key.publicKey().toBytes(), base64(root, "pubkey", file))) {
            throw new WalletException(file + ": pubkey does not belong to privkey");
        }
        String address = root.path("address").asText("");
        String derived = Address.fromPublicKey(key.publicKey(), networkId);
        if (!derived.equals(address)) {
            throw new WalletException(file + ": address " + address + " does not derive from the key on this network"
                    + " (expected " + derived + ")");
        }
        return new PosWallet(key, address, root.path("label").asText(""), root.path("created").asLong(0));
    }

    /**
     * Writes the wallet to a new file readable by its owner only (mode 0600 from the moment it exists).
     *
     * @throws FileAlreadyExistsException when the file exists: a wallet is never overwritten
     */
    public void create(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a wallet is never overwritten");
        }
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".poswallet", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, toJson(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The file content, keys in the reference's order. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        Base64.Encoder base64 = Base64.getEncoder();
        root.put("encrypted", false);
        root.put("pubkey", base64.encodeToString(key.publicKey().toBytes()));
        root.put("privkey", base64.encodeToString(key.toBytes()));
        root.put("address", address);
        root.put("label", label);
        root.put("created", created);
        return root.toPrettyString() + "\n";
    }

    private static byte[] base64(JsonNode root, String field, Path file) throws WalletException {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new WalletException(file + ": missing " + field);
        }
        try {
            return Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new WalletException(file + ": " + field + " is not Base64");
        }
    }
}
