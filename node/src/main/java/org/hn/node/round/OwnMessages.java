package org.hn.node.round;

import java.util.List;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.mempool.DigestSummary;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.PosMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages a node signs about itself and its peers ({@code spec/chain.md §4.3}, {@code spec/rounds.md §9}):
 * presence, tests and sync outcomes. They enter our own mempool with {@code received} set to their creation time
 * (the propagation fix of {@code spec/wire.md §4.5}) and spread through mempool exchanges.
 */
public final class OwnMessages {

    private static final Logger LOG = LoggerFactory.getLogger(OwnMessages.class);

    /** what = 101: a round sync or catch-up with a peer failed. */
    public static final int SYNC_FAILED = 101;
    /** what = 200: a round sync or catch-up with a peer succeeded. */
    public static final int SYNC_OK = 200;
    /** what = 201: no test for us this round. */
    public static final int NO_TEST = 201;
    /** what = 202: start-up presence, or a successful test by the tester. */
    public static final int START_OR_TEST_OK = 202;
    /** what = 203: the testee's answer to a test. */
    public static final int TESTED = 203;
    /** what = 204: a failed test by the tester. */
    public static final int TEST_FAILED = 204;

    private final PrivateKey key;
    private final byte networkId;
    private final String me;
    private final Mempool mempool;

    /**
     * @param me our PoS address, derived from {@code key} on the network
     */
    public OwnMessages(PrivateKey key, byte networkId, String me, Mempool mempool) {
        this.key = key;
        this.networkId = networkId;
        this.me = me;
        this.mempool = mempool;
    }

    /** {@code START} to ourselves, value = the round, at start-up. */
    public void start(long round, long nowSeconds) {
        publish(me, START_OR_TEST_OK, "START", round, nowSeconds);
    }

    /** {@code NO_TEST:1} (slot 0) or {@code NO_TEST:2} (slot 19) to ourselves, value = the round. */
    public void noTest(int which, long round, long nowSeconds) {
        publish(me, NO_TEST, "NO_TEST:" + which, round, nowSeconds);
    }

    /** The tester's verdict on a test: 202 with the echoed value 0, or 204 with the request's timestamp. */
    public void testResult(String testee, int type, boolean passed, long requestSeconds, long nowSeconds) {
        publish(testee, passed ? START_OR_TEST_OK : TEST_FAILED, "TEST:" + type, passed ? 0 : requestSeconds,
                nowSeconds);
    }

    /** The testee's record of being tested: 203 to the tester with our current time as value. */
    public void tested(String tester, String params, long nowSeconds) {
        publish(tester, TESTED, params, nowSeconds, nowSeconds);
    }

    /**
     * A sync outcome with a peer: {@code R.SYNC}/{@code P.FAIL} for a round sync, {@code C.SYNC}/{@code C.FAIL}
     * for a catch-up, value = the current round.
     *
     * @param catchUp  true for a catch-up, false for a round sync
     * @param peerKey  the peer's {@code ip:0port} key
     */
    public void syncResult(String peerAddress, String peerKey, boolean catchUp, boolean succeeded, long round,
                           long nowSeconds) {
        String prefix = catchUp ? (succeeded ? "C.SYNC:" : "C.FAIL:") : (succeeded ? "R.SYNC:" : "P.FAIL:");
        publish(peerAddress, succeeded ? SYNC_OK : SYNC_FAILED, prefix + peerKey, round, nowSeconds);
    }

    private void publish(String recipient, int what, String params, long value, long nowSeconds) {
        try {
            PosMessage message = PosMessage.sign(key, networkId, nowSeconds, recipient, what, params, value)
                    .receivedAt(nowSeconds);
            DigestSummary summary = mempool.digest(List.of(message), nowSeconds);
            if (summary.accepted() != 1) {
                LOG.warn("our own {} message to {} was refused by our mempool: {}", params, recipient, summary);
            }
        } catch (InvalidMessageException e) {
            LOG.error("cannot sign our own {} message to {}: {}", params, recipient, e.getMessage());
        }
    }
}
