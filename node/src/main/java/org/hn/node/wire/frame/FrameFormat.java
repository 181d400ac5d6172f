package org.hn.node.wire.frame;

import io.netty.channel.ChannelHandler;

/**
 * The two framings a node speaks ({@code DESIGN.md §4}). {@link FrameFormatDetector} fires the detected
 * value as a user event, so that the session can apply the legacy policy (e.g. legacy hellos only from
 * registered IPs).
 */
public enum FrameFormat {
    /** Our framing: magic, length, checksum. */
    V2 {
        @Override
        public ChannelHandler newDecoder(FrameSettings settings) {
            return new V2FrameDecoder(settings);
        }

        @Override
        public ChannelHandler newEncoder(FrameSettings settings) {
            return new V2FrameEncoder(settings);
        }
    },
    /** The reference's framing: signed length only ({@code spec/wire.md §1}). */
    LEGACY {
        @Override
        public ChannelHandler newDecoder(FrameSettings settings) {
            return new LegacyFrameDecoder(settings);
        }

        @Override
        public ChannelHandler newEncoder(FrameSettings settings) {
            return new LegacyFrameEncoder(settings);
        }
    };

    /**
     * The framing a connection uses, told by its first byte: every v2 magic starts with a byte ≥ 0x80,
     * while a legacy length below 2 GiB starts with one below 0x80 (and a negative one is refused anyway).
     *
     * @param firstByte the connection's first byte, 0–255
     */
    public static FrameFormat ofFirstByte(int firstByte) {
        return firstByte >= 0x80 ? V2 : LEGACY;
    }

    /** A fresh inbound handler turning this framing's bytes into payload {@code ByteBuf}s. */
    public abstract ChannelHandler newDecoder(FrameSettings settings);

    /** A fresh outbound handler turning payload {@code ByteBuf}s into this framing's bytes. */
    public abstract ChannelHandler newEncoder(FrameSettings settings);
}
