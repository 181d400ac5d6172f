package org.hn.bootstrap;

import static org.hn.chain.testing.TestChain.forge;
import static org.hn.chain.testing.TestChain.tx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;

/** Mainnet test chains made with the test keys, and hand-made archives for the refusal tests. */
public final class SnapshotFixture {

    /** Well after every block of these chains (100 days after genesis). */
    public static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(Genesis.TIMESTAMP + 100L * 86_400),
            ZoneOffset.UTC);

    private SnapshotFixture() {
    }

    /**
     * Appends {@code blocksPerRound} blocks in each of rounds {@code firstRound … lastRound} (slots 1, 2, …), forged
     * by test key 3, each with 4 messages of test keys 0 and 1.
     *
     * @return the blocks appended, in height order
     */
    public static List<PosBlock> grow(ChainStore store, long firstRound, long lastRound, int blocksPerRound)
            throws Exception {
        List<PosBlock> blocks = new ArrayList<>();
        PosBlock previous = store.tip();
        for (long round = firstRound; round <= lastRound; round++) {
            for (int slot = 1; slot <= blocksPerRound; slot++) {
                long timestamp = Genesis.TIMESTAMP + round * 3600 + slot * 180L;
                List<PosMessage> txs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    txs.add(tx(timestamp - 10 + i, i % 2, 2, 0, "", previous.height() + 1));
                }
                previous = forge(previous, 3, round, slot, txs);
                store.append(previous);
                blocks.add(previous);
            }
        }
        return blocks;
    }

    /** Every file of a directory (not recursive) with its bytes, to show that a refused import changed nothing. */
    public static Map<String, byte[]> contents(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** A member of a hand-made archive. */
    public record Member(String name, byte[] content, byte linkFlag, String linkName) {

        /** A regular file. */
        public static Member file(String name, byte[] content) {
            return new Member(name, content, TarArchiveEntry.LF_NORMAL, "");
        }

        /** A symbolic link. */
        public static Member symlink(String name, String target) {
            return new Member(name, new byte[0], TarArchiveEntry.LF_SYMLINK, target);
        }
    }

    /** Writes a gzip tar with the archive's fixed gzip header and the given members, in order. */
    public static void pack(Path out, List<Member> members) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        try (OutputStream file = Files.newOutputStream(out);
             GzipCompressorOutputStream compressed = new GzipCompressorOutputStream(file, gzip);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            for (Member member : members) {
                TarArchiveEntry entry = new TarArchiveEntry(member.name(), member.linkFlag(), true);
                if (member.linkFlag() == TarArchiveEntry.LF_SYMLINK) {
                    entry.setLinkName(member.linkName());
                } else {
                    entry.setSize(member.content().length);
                }
                tar.putArchiveEntry(entry);
                tar.write(member.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }
}
