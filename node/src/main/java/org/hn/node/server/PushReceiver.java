package org.hn.node.server;

import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;

/**
 * Handles the two one-shot messages a hypernode sends without hello ({@code spec/wire.md §4.3, §6.8}). The
 * server has already checked that the sender IP is registered. Methods may block.
 */
public interface PushReceiver {

    /**
     * A forger pushed blocks ({@code spec/wire.md §4.3} steps 3–7): check the current forger, digest each
     * block in order as a live block, stop at the first failure. Nothing is answered either way.
     *
     * @param senderIp the pushing connection's IP
     * @param blocks   in wire order, {@code receivedBy} set to {@code senderIp}
     * @return true when the sender pushed a block that is bad by its own fault (the server scores it)
     */
    boolean blocksPushed(String senderIp, List<PosBlock> blocks);

    /**
     * A tester sent its test request ({@code spec/wire.md §6.8} step 3): record the node's own signed
     * {@code what = 203} answer message.
     *
     * @param senderIp the tester's IP
     * @param request  the unsigned request ({@code what = 202}, {@code params = "TEST:<type>"})
     * @return true to echo the request back, false to close without answer
     */
    boolean testRequested(String senderIp, PosMessage request);
}
