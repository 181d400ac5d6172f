package org.hn.node.peers;

/** Who opened a connection: the peer ({@code inbound}) or this node ({@code clients}, outbound). */
public enum Direction {
    INBOUND,
    OUTBOUND
}
