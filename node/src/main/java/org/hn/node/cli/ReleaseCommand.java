package org.hn.node.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.hn.node.update.ReleaseManifest;
import org.hn.node.update.ReleaseSigningKey;
import org.hn.node.update.ReleaseVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hn release keygen|sign}: the release publisher's side of {@code hn update}. */
@Command(
        name = "release",
        mixinStandardHelpOptions = true,
        header = "Create the release key, sign release manifests (for whoever publishes releases).",
        subcommands = {ReleaseCommand.Keygen.class, ReleaseCommand.Sign.class})
final class ReleaseCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "keygen",
            mixinStandardHelpOptions = true,
            header = "Create an Ed25519 release key pair.",
            description = {
                "Writes the signing key to FILE (mode 0600; keep it offline) and the public key to",
                "FILE.pub, which the package ships as /usr/share/hn/release-key.pub.",
                "",
                "Example:",
                "  hn release keygen --out ~/offline/hn-release-key"
            })
    static final class Keygen implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The signing key file to create.")
        private Path out;

        @Override
        public Integer call() {
            ReleaseSigningKey.Pair pair = ReleaseSigningKey.generate();
            Path publicFile = out.resolveSibling(out.getFileName() + ".pub");
            try {
                // the offline folder of the examples (~/offline) may not exist yet on a fresh machine
                Files.createDirectories(out.toAbsolutePath().getParent());
                pair.signingKey().write(out);
                pair.releaseKey().write(publicFile, "hn release public key");
            } catch (IOException e) {
                spec.commandLine().getErr().println("hn release keygen: cannot write " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("signing key " + out + ", public key " + publicFile);
            return 0;
        }
    }

    @Command(
            name = "sign",
            mixinStandardHelpOptions = true,
            header = "Write and sign the manifest of a release jar.",
            description = {
                "Writes DIR/manifest.json (version, jar URL, SHA-256 and size of the jar) and its Ed25519",
                "signature DIR/manifest.json.sig; publish both with the jar.",
                "",
                "Example:",
                "  hn release sign --key ~/offline/hn-release-key --jar node/target/hn.jar \\",
                "                  --version 0.2.0 --jar-url hn-0.2.0.jar --out site/"
            })
    static final class Sign implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--key", paramLabel = "FILE", required = true, description = "The release signing key.")
        private Path key;

        @Option(names = "--jar", paramLabel = "FILE", required = true, description = "The release's jar.")
        private Path jar;

        @Option(names = "--version", paramLabel = "VERSION", required = true, description = "Its version, e.g. 0.2.0.")
        private String version;

        @Option(names = "--jar-url", paramLabel = "URL",
                description = "Where the jar will be, absolute or relative to the manifest (default: the jar's name).")
        private String jarUrl;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the manifest files.")
        private Path out;

        @Override
        public Integer call() {
            ReleaseVersion parsed;
            try {
                parsed = ReleaseVersion.parse(version);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try {
                ReleaseSigningKey signer = ReleaseSigningKey.read(key);
                ReleaseManifest manifest = ReleaseManifest.describe(parsed,
                        jarUrl != null ? jarUrl : jar.getFileName().toString(), jar);
                byte[] json = manifest.toJson();
                Files.createDirectories(out);
                Files.write(out.resolve("manifest.json"), json);
                Files.writeString(out.resolve("manifest.json.sig"),
                        Base64.getEncoder().encodeToString(signer.sign(json)) + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                spec.commandLine().getErr().println("hn release sign: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("signed release " + parsed + ": " + out.resolve("manifest.json"));
            return 0;
        }
    }
}
