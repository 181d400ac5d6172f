package org.hn.node.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.node.round.BlockRefusal;
import org.hn.node.round.OwnMessages;
import org.hn.node.round.RoundDriver;
import org.hn.node.server.NodeView;
import org.hn.node.server.PushReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forged-block pushes and test requests ({@code spec/wire.md §4.3, §6.8}): blocks go to the
 * {@link RoundDriver} one by one, tests are recorded as our own signed {@code what = 203} message.
 */
public final class DriverPushReceiver implements PushReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(DriverPushReceiver.class);

    private final RoundDriver driver;
    private final NodeView view;
    private final OwnMessages ownMessages;
    private final Clock clock;

    /**
     * @param view tells whether a sender IP is registered for the current round
     */
    public DriverPushReceiver(RoundDriver driver, NodeView view, OwnMessages ownMessages, Clock clock) {
        this.driver = driver;
        this.view = view;
        this.ownMessages = ownMessages;
        this.clock = clock;
    }

    /** Stops at the first refused block (§4.3 step 6): the blocks after it no longer link to our tip. */
    @Override
    public boolean blocksPushed(String senderIp, List<PosBlock> blocks) {
        for (int index = 0; index < blocks.size(); index++) {
            PosBlock block = blocks.get(index);
            Optional<BlockRefusal> refusal = driver.acceptPushedBlock(block, senderIp);
            if (refusal.isPresent()) {
                LOG.info("block {} (round {} slot {}) pushed by {} refused: {}; {} later block(s) ignored",
                        block.height(), block.round(), block.sir(), senderIp, refusal.get().reason(),
                        blocks.size() - index - 1);
                return refusal.get().sendersFault();
            }
            LOG.info("stored block {} (round {} slot {}) pushed by {}", block.height(), block.round(), block.sir(),
                    senderIp);
        }
        return false;
    }

    /** §6.8 step 3: our {@code 203} to the tester, with the request's params and our current time as value. */
    @Override
    public boolean testRequested(String senderIp, PosMessage request) {
        if (!view.isRegisteredIp(senderIp)) {
            LOG.debug("test request from unregistered {} ignored", senderIp);
            return false;
        }
        ownMessages.tested(request.sender(), request.params(), clock.millis() / 1000);
        return true;
    }
}
