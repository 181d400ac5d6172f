package org.hn.node.cli;

import org.hn.config.Network;
import picocli.CommandLine;

/** Reads a {@code --network} value as its lower-case id ({@code mainnet}, {@code testnet}, {@code devnet}). */
public final class NetworkConverter implements CommandLine.ITypeConverter<Network> {

    @Override
    public Network convert(String value) {
        try {
            return Network.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
