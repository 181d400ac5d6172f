package org.hn.registry.registration;

/** Why a registration or unregistration row changed nothing ({@code spec/pow.md §5.4}, careful names). */
public enum InvalidReason {
    /** The openfield does not have the {@code IP:PORT:POS[,key=value]…} shape of §4.3. */
    PARSE_ERROR,
    /** A non-empty {@code source=} option differs from the sender (§4.3 step 4). */
    BAD_SOURCE,
    /** The IP is not a dotted-quad IPv4 address. */
    BAD_IP,
    /** Strict profile: the port is not a decimal 1–65535 without sign or leading zero. */
    BAD_PORT,
    /** The sender or the {@code reward=} address is not a PoW address (§2.5). */
    BAD_POW_ADDRESS,
    /** The PoS address fails full validation on the network (§2.6). */
    BAD_POS_ADDRESS,
    /** A current registration already uses this IP, whatever its port. */
    DUPLICATE_IP,
    /** A current registration already uses this PoS address. */
    DUPLICATE_POS,
    /** The sender already has a current registration. */
    ALREADY_REGISTERED,
    /** Strict profile: the collateral weighs less than 1 (below 10000 BIS), or cannot be read. */
    LOW_COLLATERAL,
    /** An owner's unregistration whose (ip, port, pos) differs from its registration. */
    BAD_UNREG_PARAMS,
    /** An unregistration from neither the owner nor the PoW control address. */
    BAD_UNREG_SENDER,
    /** The row's timestamp cell is NULL or not a number (never written by a PoW node). */
    BAD_TIMESTAMP,
    /** The row's operation is neither {@code hypernode:register} nor {@code hypernode:unregister}. */
    UNKNOWN_OPERATION,
    /** An unexpected error while judging this row; only this row is affected. */
    UNEXPECTED_ERROR
}
