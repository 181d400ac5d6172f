package org.hn.node.sync;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A peer request that failed, timed out or was interrupted during a sync. */
final class PeerFailure extends Exception {

    private PeerFailure(String message) {
        super(message, null, false, false);
    }

    /** Waits for a peer's answer at most {@code timeout}. */
    static <T> T await(CompletableFuture<T> request, Duration timeout) throws PeerFailure {
        try {
            return request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.cancel(true);
            throw new PeerFailure("no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new PeerFailure(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerFailure("interrupted");
        }
    }
}
