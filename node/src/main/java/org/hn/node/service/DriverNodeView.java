package org.hn.node.service;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hn.node.round.NodeState;
import org.hn.node.round.RoundDriver;
import org.hn.node.server.NodeView;
import org.hn.node.wire.hello.HelloString;
import org.hn.registry.Hypernode;

/**
 * What the server needs to admit requests, read from the {@link RoundDriver}'s current round: our hello, the
 * allowed posnets, the registered IPs and each address's registered IP, the {@code gethypernodes} allowlist and
 * the {@code NEWROUND} gate ({@code spec/wire.md §4.1, §4.3 step 1, §4.16}; {@code docs/protocol.md §3.3}).
 */
public final class DriverNodeView implements NodeView {

    /** How often a request waiting for the end of {@code NEWROUND} checks the state again. */
    static final long NEWROUND_POLL_MILLIS = 200;

    private final HelloString ownHello;
    private final Set<String> allowedPosnets;
    private final Set<String> queryAllowlist;
    private final RoundDriver driver;
    private final ScheduledExecutorService scheduler;

    /**
     * @param allowedPosnets {@code POSNET_ALLOW} until a round is processed, matched exactly; then the round's
     *                       rainbow value applies ({@code spec/wire.md §5.2})
     * @param queryAllowlist {@code ALLOW_QUERIES_FROM}: IPs, matched exactly
     * @param scheduler      runs the cheap {@code NEWROUND} checks; never blocked by them
     */
    public DriverNodeView(HelloString ownHello, Set<String> allowedPosnets, Set<String> queryAllowlist,
                          RoundDriver driver, ScheduledExecutorService scheduler) {
        this.ownHello = ownHello;
        this.allowedPosnets = Set.copyOf(allowedPosnets);
        this.queryAllowlist = Set.copyOf(queryAllowlist);
        this.driver = driver;
        this.scheduler = scheduler;
    }

    @Override
    public HelloString ownHello() {
        return ownHello;
    }

    @Override
    public Set<String> allowedPosnets() {
        return driver.context().<Set<String>>map(context -> Set.copyOf(context.plan().rainbow().posnetAllow()))
                .orElse(allowedPosnets);
    }

    /** False before the first round was processed: nobody is known to be registered yet. */
    @Override
    public boolean isRegisteredIp(String ip) {
        return driver.context().map(context -> context.registeredIps().contains(ip)).orElse(false);
    }

    @Override
    public Optional<String> registeredIp(String posAddress) {
        return driver.context().flatMap(context -> context.hypernode(posAddress)).map(Hypernode::ip);
    }

    @Override
    public boolean isQueryAllowed(String ip) {
        return queryAllowlist.contains(ip);
    }

    @Override
    public CompletionStage<Void> whenServing() {
        if (driver.state() != NodeState.NEWROUND) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> serving = new CompletableFuture<>();
        ScheduledFuture<?> check = scheduler.scheduleWithFixedDelay(() -> {
            if (driver.state() != NodeState.NEWROUND) {
                serving.complete(null);
            }
        }, NEWROUND_POLL_MILLIS, NEWROUND_POLL_MILLIS, TimeUnit.MILLISECONDS);
        serving.whenComplete((done, failure) -> check.cancel(false));
        return serving;
    }
}
