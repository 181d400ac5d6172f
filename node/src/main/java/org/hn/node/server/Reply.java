package org.hn.node.server;

import org.hn.node.peers.PeerConnection;
import org.hn.node.wire.proto.Command;

/**
 * What the session does after a request: write an answer or not, keep the connection or close it, and what
 * it must remember for the next requests.
 *
 * @param answer the command to write, or null for none
 * @param close  whether to close once the answer (if any) is written
 * @param opened the registry entry created by an accepted hello, else null
 * @param token  a client token just accepted, which the session keeps for the next requests, else null
 * @param challenge an authenticated hello waiting for the client's proof, which the session expects next, else null
 */
record Reply(Command answer, boolean close, PeerConnection opened, String token, PendingProof challenge) {

    static Reply answer(Command answer) {
        return new Reply(answer, false, null, null, null);
    }

    static Reply answerAndClose(Command answer) {
        return new Reply(answer, true, null, null, null);
    }

    static Reply nothing() {
        return new Reply(null, false, null, null, null);
    }

    static Reply closeSilently() {
        return new Reply(null, true, null, null, null);
    }

    static Reply helloAccepted(Command answer, PeerConnection opened) {
        return new Reply(answer, false, opened, null, null);
    }

    static Reply challenged(Command answer, PendingProof challenge) {
        return new Reply(answer, false, null, null, challenge);
    }

    static Reply tokenAccepted(Command answer, String token) {
        return new Reply(answer, false, null, token, null);
    }
}
