package org.hn.node.server;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.hn.node.wire.hello.HelloString;

/**
 * What the server needs to know about this node and the current round to admit requests. Implemented by
 * the round driver and the registry; every method is cheap and non-blocking.
 */
public interface NodeView {

    /** The hello this node answers with: its posnet, listening port and PoS address ({@code spec/wire.md §4.1 step 4}). */
    HelloString ownHello();

    /** The posnets accepted in hellos, tested by exact membership ({@code spec/wire.md §4.1 step 2, §5.2}). */
    Set<String> allowedPosnets();

    /** Whether an IP belongs to a hypernode registered for the current round, inactive ones included. */
    boolean isRegisteredIp(String ip);

    /**
     * The IP under which a PoS address is registered for the current round, inactive registrations included; empty
     * when it is not registered (or no round was processed yet). Checked by authenticated hellos
     * ({@code docs/protocol.md §3.3}).
     */
    Optional<String> registeredIp(String posAddress);

    /** Whether an IP may use {@code gethypernodes} ({@code ALLOW_QUERIES_FROM}, exact match; {@code spec/wire.md §4.16}). */
    boolean isQueryAllowed(String ip);

    /**
     * Completes when requests may be served: at once unless the node is in state {@code NEWROUND}, then when
     * it leaves it ({@code spec/wire.md §6.3 step 4}). The server waits on it without blocking a thread.
     */
    CompletionStage<Void> whenServing();
}
