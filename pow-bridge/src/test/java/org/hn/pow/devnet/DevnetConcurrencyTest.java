package org.hn.pow.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hn.pow.ledger.Balance;
import org.hn.pow.ledger.HeightFilter;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers over a ledger the devnet writer is appending to: the writer is never blocked (it runs with a zero busy
 * timeout, so any lock a reader held against it would fail its commit) and readers never see half a block.
 */
class DevnetConcurrencyTest {

    private static final int BLOCKS = 150;
    private static final int READERS = 2;
    private static final BigDecimal SWING = new BigDecimal("5");
    private static final BigDecimal FEE = new BigDecimal("0.01");

    @TempDir
    Path directory;

    @Test
    void readersNeverBlockTheWriterAndNeverSeeHalfABlock() throws Exception {
        Path file = directory.resolve("ledger.db");
        Instant start = Instant.ofEpochSecond(1_700_000_001L);
        List<DevnetHypernode> hypernodes = List.of(
                DevnetHypernode.loopback(0, 7000, DevnetLedgerTest.POS.get(0)),
                DevnetHypernode.loopback(1, 7000, DevnetLedgerTest.POS.get(1)));
        ExecutorService threads = Executors.newFixedThreadPool(READERS);
        try (DevnetLedger devnet = DevnetLedger.create(file, hypernodes, Duration.ofSeconds(3),
                Duration.ofSeconds(60), Duration.ZERO, Clock.fixed(start, ZoneOffset.UTC))) {
            String x = devnet.collateralAddresses().get(0);
            String y = devnet.collateralAddresses().get(1);
            SqlitePowLedger reader = new SqlitePowLedger(file);
            BigDecimal initial = reader.balance(x, Long.MAX_VALUE, HeightFilter.PLAIN).exact();

            AtomicBoolean writing = new AtomicBoolean(true);
            CountDownLatch readersStarted = new CountDownLatch(READERS);
            Queue<String> violations = new ConcurrentLinkedQueue<>();
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                reads.add(threads.submit(() -> {
                    int count = 0;
                    long lastTip = 0;
                    do {
                        long tip = reader.tip().height();
                        if (tip < lastTip) {
                            violations.add("tip went back from " + lastTip + " to " + tip);
                        }
                        lastTip = tip;
                        Balance balance = reader.balance(x, Long.MAX_VALUE, HeightFilter.PLAIN);
                        // Each block moves 5 BIS out and back with a 0.01 fee each way for x: only whole
                        // blocks leave a multiple of 0.01 below the initial balance.
                        BigDecimal spent = initial.subtract(balance.exact());
                        BigDecimal[] blocks = spent.divideAndRemainder(FEE);
                        if (blocks[1].signum() != 0 || blocks[0].signum() < 0 || blocks[0].intValue() > BLOCKS) {
                            violations.add("torn balance " + balance.exact() + " (spent " + spent + ")");
                        }
                        count++;
                        if (count == 1) {
                            readersStarted.countDown();
                        }
                    } while (writing.get());
                    return count;
                }));
            }
            assertTrue(readersStarted.await(60, TimeUnit.SECONDS), "readers started");
            Instant now = start;
            try {
                for (int block = 1; block <= BLOCKS; block++) {
                    now = now.plusSeconds(3);
                    BigDecimal at = BigDecimal.valueOf(now.getEpochSecond() - 1);
                    devnet.queue(new PowTransaction(x, y, SWING, PowTransaction.TRANSFER, "", at));
                    devnet.queue(new PowTransaction(y, x, SWING, PowTransaction.TRANSFER, "", at));
                    assertEquals(1, devnet.appendBlocksUntil(now));
                }
            } finally {
                writing.set(false);
            }
            for (Future<Integer> read : reads) {
                assertTrue(read.get(60, TimeUnit.SECONDS) >= 2);
            }
            assertEquals(List.of(), List.copyOf(violations));
            assertEquals(initial.subtract(FEE.multiply(BigDecimal.valueOf(BLOCKS))),
                    reader.balance(x, Long.MAX_VALUE, HeightFilter.PLAIN).exact());
        } finally {
            threads.shutdownNow();
        }
    }
}
