package org.hn.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.bootstrap.verify.VerifiedSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hn bootstrap verify}: every check of an import, without installing anything. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        header = "Check a bootstrap archive completely without installing it.",
        sortOptions = false,
        description = {
            "Check the archive layout (no absolute paths, no '..', no links, size limits), the manifest",
            "signature and signer, every file's size and SHA-256, SQLite's integrity check, and every block",
            "of the chain (hash links, block hashes, forger signatures, messages). The archive is unpacked",
            "into a scratch directory that is deleted afterwards.",
            "",
            "Example:",
            "  hn bootstrap verify hn_bs.tar.gz --json"
        },
        footer = {"", "Exit codes: 0 valid, 1 refused (the reason is printed), 2 bad usage."})
final class BootstrapVerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The archive.")
    private Path archive;

    @Option(names = "--signer", paramLabel = "ADDRESS",
            description = "A trusted signer's PoS address (repeatable; default: any signer).")
    private List<String> signers = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where to unpack (default: the system's temporary folder).")
    private Path work;

    @Option(names = "--json", description = "Print one JSON object: network, round, height, tip_hash, signer.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Path workParent = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"));
        SnapshotVerifier verifier = new SnapshotVerifier(ArchiveLimits.DEFAULTS, Set.copyOf(signers),
                Clock.systemUTC());
        SnapshotManifest manifest;
        try (VerifiedSnapshot verified = verifier.verify(archive, workParent)) {
            manifest = verified.manifest();
        } catch (SnapshotException e) {
            if (json) {
                ObjectNode failure = JSON.createObjectNode().put("valid", false).put("reason", e.reason().name())
                        .put("detail", e.getMessage());
                spec.commandLine().getOut().println(JSON.writeValueAsString(failure));
            }
            spec.commandLine().getErr().println("hn bootstrap verify: " + e.reason() + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("hn bootstrap verify: cannot clean the work directory: "
                    + e.getMessage());
            return 1;
        }
        if (json) {
            ObjectNode answer = JSON.createObjectNode().put("valid", true).put("network", manifest.network().id())
                    .put("round", manifest.round()).put("height", manifest.height())
                    .put("tip_hash", manifest.tipHash()).put("signer", manifest.signer())
                    .put("created", manifest.createdSeconds());
            spec.commandLine().getOut().println(JSON.writeValueAsString(answer));
        } else {
            spec.commandLine().getOut().println("valid: " + manifest.network().id() + " round " + manifest.round()
                    + ", height " + manifest.height() + ", tip " + manifest.tipHash() + ", signed by "
                    + manifest.signer());
        }
        return 0;
    }
}
