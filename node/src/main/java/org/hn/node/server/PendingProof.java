package org.hn.node.server;

import org.hn.node.auth.HelloTranscript;
import org.hn.node.wire.hello.HelloString;

/**
 * An authenticated hello answered with our nonce and proof, waiting for the client's proof
 * ({@code docs/protocol.md §3.2 step 3}).
 *
 * @param hello      the client's hello
 * @param transcript what the client must sign
 */
record PendingProof(HelloString hello, HelloTranscript transcript) {
}
