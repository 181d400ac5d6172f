package org.hn.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code hn devnet}: a local network of hypernodes on loopback. The daemon it runs arrives with issue 5. */
@Command(
        name = "devnet",
        description = "Run a throw-away local network of hypernodes on loopback (not yet available).")
final class DevnetCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("hn devnet: not yet available — the daemon it runs is still being built."
                + " Try 'hn verify-messages --help' meanwhile.");
        return 1;
    }
}
