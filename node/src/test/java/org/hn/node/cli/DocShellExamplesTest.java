package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hn.config.settings.Settings;
import org.hn.node.daemon.NodeDaemon;
import org.hn.node.devnet.Devnet;
import org.hn.node.devnet.DevnetNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command line of the docs' {@code ```sh} blocks is either run here or excluded with a reason.
 *
 * <p>The pages are {@code README.md}, {@code deploy-pi/README.md} and {@code docs/*.md} but the ones in
 * {@link #PAGES_WITHOUT_EXAMPLES}. Each fenced block of them is labelled: {@code console} (run by
 * {@link DocExamplesTest}), {@code sh} (commands: every line, {@code \} continuations joined and a trailing
 * {@code # comment} dropped, must be a key of {@link #RUN} or {@link #EXCLUDED}), or a content label ({@code text},
 * {@code yaml}) whose lines must not look like commands. So a changed or new example fails this test until it
 * runs or is excluded on purpose.
 *
 * <p>The examples run in-process against a one-node devnet on 127.0.0.1:{@value #NODE_PORT} whose daemon is
 * started from the observability page's {@code hn run} line. Before running, the docs' placeholders are replaced
 * as {@link #substitutions()} says: the quick start's devnet directory and node address, the operator's
 * {@code ~/.hn} and remote node, a token, a download URL and the metrics port; any other {@code ~} is a scratch
 * home. The node is pointed at a missing PoW ledger (its {@code hn.conf} still names the devnet ledger, which the
 * offline commands read), so it answers every query but never starts a round: its chain stays at genesis, no
 * round is recorded, and its state is {@code POW_NOT_SYNC} (or {@code START} before its first look at the ledger).
 */
class DocShellExamplesTest {

    private static final int NODE_PORT = 18700;
    private static final int METRICS_PORT = 18701;
    private static final int DOWNLOAD_PORT = 18702;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Pages of {@code docs/} not searched for examples, with the reason. */
    static final Map<String, String> PAGES_WITHOUT_EXAMPLES = Map.of(
            "cli.md", "generated --help texts; CliReferenceTest compares the page with the commands",
            "benchmarks.md", "measurement recipes (JMH, hyperfine, /usr/bin/time) that run for minutes; the page"
                    + " reports their figures");

    /** The line of the docs that starts this test's daemon, as {@code hn run} would with its options. */
    private static final String DAEMON_LINE = "hn run --data ~/.hn --set METRICS_PORT=9469";

    /** Command lines of the docs that are not run, each with the reason. */
    static final Map<String, String> EXCLUDED = excluded();

    private static Map<String, String> excluded() {
        Map<String, String> excluded = new LinkedHashMap<>();
        // installing, building, the package's system service and the machine's set-up: they need root
        String system = "changes the machine as root (packages, services, /etc); DebianPackageTest installs the"
                + " package, its service and its files into a scratch root";
        String setUp = "the machine's storage or swap set-up as root, no hn command";
        excluded.put("sudo apt-get install openjdk-17-jdk-headless maven git", system);
        excluded.put("git clone <this repository> hn", "fetches the repository this test runs in");
        excluded.put("cd hn", "a shell built-in");
        excluded.put("source node/target/hn-completion.bash",
                "loads the build's completion script into a shell; CompletionScriptTest checks the script");
        excluded.put("mvn -B verify", "the build itself, which runs this test");
        excluded.put("mvn -B -DskipTests -pl deploy-pi -am package", "the build; DebianPackageTest checks the package");
        excluded.put("mvn -B -pl deploy-pi -am verify", "the build; it runs DebianPackageTest");
        excluded.put("sudo apt-get update && sudo apt-get install -y ./hn_*_all.deb", system);
        excluded.put("echo 'POW_LEDGER_DB=/srv/bismuth/static/ledger.db' | sudo tee -a /var/lib/hn/hn.conf", system);
        excluded.put("sudo systemctl start hn", system);
        excluded.put("sudo systemctl stop hn", system);
        excluded.put("sudo systemctl daemon-reload", system);
        excluded.put("sudo systemctl enable --now hn", system);
        excluded.put("sudo cp /var/lib/hn/poswallet.json /somewhere/safe/", system);
        excluded.put("sudo rsync -a /var/lib/hn/ /mnt/ssd/hn/", setUp);
        excluded.put("echo '/mnt/ssd/hn /var/lib/hn none bind 0 0' | sudo tee -a /etc/fstab", setUp);
        excluded.put("sudo mount /var/lib/hn && sudo systemctl start hn", system);
        excluded.put("sudo sed -i 's/^#\\?CONF_SWAPSIZE=.*/CONF_SWAPSIZE=2048/' /etc/dphys-swapfile", setUp);
        excluded.put("sudo sed -i 's|^#\\?CONF_SWAPFILE=.*|CONF_SWAPFILE=/mnt/ssd/swap|' /etc/dphys-swapfile", setUp);
        excluded.put("sudo systemctl restart dphys-swapfile", setUp);
        excluded.put("echo 'vm.swappiness=10' | sudo tee /etc/sysctl.d/90-hn.conf && sudo sysctl --system", setUp);
        excluded.put("journalctl -u hn -f", "follows the system journal forever");
        excluded.put("cp node/target/hn.jar site/hn-0.2.0.jar", "a file copy of the build's jar");
        // hn commands that cannot run here
        excluded.put("./hn devnet", "runs until Ctrl-C; DevnetCommandTest runs the devnet command with --rounds");
        excluded.put("./hn devnet --nodes 4 --rounds 2",
                "two 2-minute rounds, beyond this test's time; DevnetCommandTest runs 'hn devnet --nodes 3"
                        + " --rounds 1'");
        excluded.put("hn status", "asks the packaged node at the default 127.0.0.1:6969, a port this test may not use;"
                + " the same query runs here with --data and with --node");
        return excluded;
    }

    /** What a run example must do. */
    @FunctionalInterface
    interface Check {
        void check(Run run, List<String> followingText) throws Exception;
    }

    /** One run of an example: exit code (0 for a file or HTTP example that worked), stdout and stderr. */
    record Run(int exit, String out, String err) {
    }

    /** Command lines of the docs that are run, each with what it must do. */
    static final Map<String, Check> RUN = new LinkedHashMap<>();

    @TempDir
    static Path scratch;

    private static Path home;
    private static Devnet devnet;
    private static NodeDaemon daemon;
    private static HttpServer downloads;
    /** Values produced by one example for a later one (the token printed by 'hn token create'). */
    private static final Map<String, String> produced = new HashMap<>();

    static {
        // docs/quickstart.md
        RUN.put("cat /tmp/hn-devnet-5812817417196573187/node0/status.json", (run, text) -> {
            JsonNode status = JSON.readTree(run.out());
            assertEquals(devnet.nodes().get(0).address(), status.at("/config/address").asText(), run.out());
        });
        RUN.put("./hn status --data /tmp/hn-devnet-5812817417196573187/node0", DocShellExamplesTest::statusOfTheNode);
        RUN.put("./hn heights --data /tmp/hn-devnet-5812817417196573187/node0 --json",
                (run, text) -> assertEquals(new Run(0, "{}\n", ""), run));
        RUN.put("./hn rounds --data /tmp/hn-devnet-5812817417196573187/node0", DocShellExamplesTest::noRoundsYet);
        RUN.put("printf 'hello\\nheight\\nblockinfo 1\\n' | ./hn peer 127.0.0.1:17100 --network devnet",
                DocShellExamplesTest::peerLogLikeTheDoc);
        RUN.put("./hn doctor --data /tmp/hn-devnet-5812817417196573187/node0", (run, text) -> {
            assertEquals(0, run.exit(), run.out() + run.err());
            List<String> lines = run.out().lines().toList();
            assertTrue(lines.contains("ok      port                 something listens on 127.0.0.1:" + NODE_PORT),
                    run.out());
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(
                    "ok      pow-ledger           the last PoW block")), run.out());
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("ok      registration         "
                    + devnet.nodes().get(0).address() + " is registered in round ")), run.out());
        });
        // docs/operator-guide.md
        RUN.put("hn keygen --data ~/.hn", (run, text) -> {
            assertEquals(0, run.exit(), run.err());
            assertTrue(lastLine(run.out()).matches("B[1-9A-HJ-NP-Za-km-z]{33}"), run.out());
        });
        RUN.put("hn registry --ledger ~/Bismuth/static/ledger.db --chain ~/.hn/chain.db", (run, text) -> {
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().matches("(?s)Round \\d+ on devnet: .*\n1 registered hypernodes .*\n    1  "
                    + devnet.nodes().get(0).address() + "  127\\.0\\.0\\.1:" + NODE_PORT
                    + " .*\n0 refused registration rows:\n"),
                    run.out());
        });
        RUN.put("hn token create --data ~/.hn --scope read --ttl 30d --subject grafana", (run, text) -> {
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("token of node " + devnet.nodes().get(0).address()
                    + ", scope read, subject grafana, expires "), run.out());
            produced.put("token", lastLine(run.out()));
        });
        RUN.put("hn status --node 203.0.113.5:6969 --token eyJhbGciOiJIUzI1NiJ9...",
                DocShellExamplesTest::statusOfTheNode);
        RUN.put("printf 'hello\\nheight\\nblocksync 100\\nquit\\n' | hn peer 203.0.113.5:6969 --legacy",
                DocShellExamplesTest::everyCommandAnswered);
        RUN.put("hn bootstrap create --data ~/.hn --out hn-bootstrap.tar.gz", (run, text) -> {
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("created " + home.resolve("hn-bootstrap.tar.gz") + ": devnet round "),
                    run.out());
        });
        RUN.put("hn bootstrap verify hn-bootstrap.tar.gz --json", (run, text) -> {
            assertEquals(0, run.exit(), run.err());
            JsonNode verdict = JSON.readTree(lastLine(run.out()));
            assertTrue(verdict.get("valid").asBoolean(), run.out());
            assertEquals(devnet.nodes().get(0).address(), verdict.get("signer").asText());
        });
        RUN.put("hn bootstrap import --data ~/.hn-new --from https://example.org/hn_bs.tar.gz", (run, text) -> {
            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.out().startsWith("imported devnet round "), run.out());
            assertTrue(Files.isRegularFile(home.resolve("hn-new").resolve(NodeDaemon.CHAIN_FILE)));
        });
        // docs/observability.md
        RUN.put(DAEMON_LINE, (run, text) -> assertEquals(METRICS_PORT,
                daemon.metricsAddress().map(InetSocketAddress::getPort).orElse(0)));
        RUN.put("curl -s http://127.0.0.1:9469/metrics", (run, text) -> {
            assertEquals(0, run.exit());
            assertTrue(run.out().lines().anyMatch(line -> line.equals("hn_chain_height 0.0")), run.out());
        });
        RUN.put("hn rounds --data ~/.hn --last 5", DocShellExamplesTest::noRoundsYet);
        RUN.put("hn rounds --data ~/.hn --json", (run, text) -> {
            assertEquals(0, run.exit(), run.err());
            assertEquals(JSON.readTree("{\"rounds\": []}"), JSON.readTree(run.out()));
        });
        RUN.put("hn rounds --data ~/.hn --network devnet", DocShellExamplesTest::noRoundsYet);
        // deploy-pi/README.md
        RUN.put("hn release keygen --out ~/offline/hn-release-key", (run, text) -> {
            assertEquals(0, run.exit(), run.err());
            assertTrue(Files.isRegularFile(home.resolve("offline/hn-release-key.pub")));
        });
        RUN.put("hn release sign --key ~/offline/hn-release-key --jar node/target/hn.jar --version 0.2.0"
                + " --jar-url hn-0.2.0.jar --out site/", (run, text) -> {
                    assertEquals(0, run.exit(), run.err());
                    JsonNode manifest = JSON.readTree(home.resolve("site/manifest.json").toFile());
                    assertEquals("0.2.0", manifest.get("version").asText());
                    assertTrue(Files.isRegularFile(home.resolve("site/manifest.json.sig")));
                });
    }

    /** Placeholders of one line only, applied before {@link #substitutions()}. */
    private static final Map<String, Map<String, String>> LINE_SUBSTITUTIONS = Map.of(
            // "before the first start": a data directory without a wallet yet
            "hn keygen --data ~/.hn", Map.of("~/.hn", "~/before-first-start"),
            // the guide's PoW node is on mainnet, registry's default network; ours is a devnet
            "hn registry --ledger ~/Bismuth/static/ledger.db --chain ~/.hn/chain.db", Map.of("--chain ~/.hn/chain.db",
                    "--chain ~/.hn/chain.db --network devnet"));

    /**
     * The docs' placeholders and what they stand for here, applied in this order to every run line.
     */
    private static Map<String, String> substitutions() {
        Map<String, String> substitutions = new LinkedHashMap<>();
        DevnetNode node = devnet.nodes().get(0);
        // the quick start's devnet, printed by './hn devnet'
        substitutions.put("/tmp/hn-devnet-5812817417196573187", devnet.dir().toString());
        substitutions.put("127.0.0.1:17100", node.ip() + ":" + node.port());
        // the operator's node: '~/.hn' on its machine, 203.0.113.5:6969 from elsewhere; an empty one to import into
        substitutions.put("~/.hn-new", home.resolve("hn-new").toString());
        substitutions.put("~/.hn/", node.dir() + "/");
        substitutions.put("~/.hn ", node.dir() + " ");
        // the guide's remote node is on mainnet, the clients' default network; ours is a devnet
        substitutions.put("203.0.113.5:6969", node.ip() + ":" + node.port() + " --network devnet");
        substitutions.put("eyJhbGciOiJIUzI1NiJ9...", produced.getOrDefault("token", "no token created yet"));
        // the PoW node beside it
        substitutions.put("~/Bismuth/static/ledger.db", devnet.dir().resolve("ledger.db").toString());
        // files the examples write in the current directory
        substitutions.put(" hn-bootstrap.tar.gz", " " + home.resolve("hn-bootstrap.tar.gz"));
        substitutions.put("https://example.org/hn_bs.tar.gz", "http://127.0.0.1:" + DOWNLOAD_PORT + "/hn_bs.tar.gz");
        substitutions.put("node/target/hn.jar", home.resolve("hn.jar").toString());
        substitutions.put(" site/", " " + home.resolve("site"));
        // the metrics port; whole settings and addresses only, as digits may occur in the scratch paths
        substitutions.put("METRICS_PORT=9469", "METRICS_PORT=" + METRICS_PORT);
        substitutions.put("127.0.0.1:9469", "127.0.0.1:" + METRICS_PORT);
        return substitutions;
    }

    @BeforeAll
    static void startTheNode() throws Exception {
        home = Files.createDirectories(scratch.resolve("home"));
        devnet = Devnet.create(scratch.resolve("devnet"), 1, NODE_PORT, Clock.systemUTC());
        devnet.close();
        Files.writeString(home.resolve("hn.jar"), "a release's jar");
        // the new node's data directory names its network, as the operator's hn.conf would
        Files.createDirectories(home.resolve("hn-new"));
        Files.writeString(home.resolve("hn-new").resolve(Settings.OPERATOR_FILE), "NETWORK=devnet\n");
        // the daemon as 'hn run' starts it from the doc's line: picocli parses the options, the settings come from
        // hn.conf then --set; only the PoW ledger is overridden, to keep the node out of rounds
        CommandLine.ParseResult parsed = HnCommand.commandLine().parseArgs(
                hnArguments(substitute(DAEMON_LINE)).toArray(String[]::new));
        CommandLine.ParseResult run = parsed.subcommand();
        assertEquals("run", run.commandSpec().name());
        Map<String, String> overrides = new LinkedHashMap<>(run.matchedOptionValue("--set", Map.<String, String>of()));
        overrides.put("POW_LEDGER_DB", scratch.resolve("no-ledger.db").toString());
        Path data = run.matchedOptionValue("--data", null);
        daemon = NodeDaemon.start(data, Settings.load(data.resolve(Settings.OPERATOR_FILE), Map.of(), overrides),
                Clock.systemUTC());
        downloads = HttpServer.create(new InetSocketAddress("127.0.0.1", DOWNLOAD_PORT), 0);
        downloads.createContext("/hn_bs.tar.gz", exchange -> {
            byte[] archive = Files.readAllBytes(home.resolve("hn-bootstrap.tar.gz"));
            exchange.sendResponseHeaders(200, archive.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(archive);
            }
        });
        downloads.start();
    }

    @AfterAll
    static void stopTheNode() {
        if (downloads != null) {
            downloads.stop(0);
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    /** A command line of an {@code sh} block: where it is, its text, and the text block right after it, if any. */
    record ShellLine(String place, String text, List<String> followingText) {
    }

    /** The pages searched for examples, in the order their examples run. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("..", "README.md"));
        try (Stream<Path> docs = Files.list(DocExamplesTest.DOCS)) {
            docs.filter(page -> page.toString().endsWith(".md"))
                    .filter(page -> !PAGES_WITHOUT_EXAMPLES.containsKey(page.getFileName().toString()))
                    .sorted().forEach(pages::add);
        }
        pages.add(Path.of("..", "deploy-pi", "README.md"));
        return pages;
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\S*)\\s*$");
    private static final Set<String> CONTENT = Set.of("text", "yaml", "json");
    private static final Pattern LOOKS_LIKE_COMMAND = Pattern.compile("^\\s*(\\$ |(\\./)?hn( |$)|sudo |curl )");

    /** The command lines of a page's {@code sh} blocks; fails on an unlabelled block or a command elsewhere. */
    static List<ShellLine> shellLines(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        String name = page.getParent().getFileName() + "/" + page.getFileName();
        List<ShellLine> found = new ArrayList<>();
        List<Integer> lastBlock = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            Matcher fence = FENCE.matcher(lines.get(index));
            if (!fence.matches()) {
                continue;
            }
            String language = fence.group(1);
            int start = index;
            List<String> body = new ArrayList<>();
            while (++index < lines.size() && !FENCE.matcher(lines.get(index)).matches()) {
                body.add(lines.get(index));
            }
            if (index == lines.size()) {
                fail(name + ":" + (start + 1) + ": a block that is never closed");
            }
            if (CONTENT.contains(language)) {
                for (int i = 0; i < body.size(); i++) {
                    if (LOOKS_LIKE_COMMAND.matcher(body.get(i)).find()) {
                        fail(name + ":" + (start + i + 2) + ": a command in a ```" + language
                                + " block; put it in a ```sh or ```console block: " + body.get(i));
                    }
                }
                if (!lastBlock.isEmpty()) {
                    // the text right after a sh block is that block's output
                    int first = lastBlock.get(0);
                    for (int i = first; i < found.size(); i++) {
                        ShellLine line = found.get(i);
                        found.set(i, new ShellLine(line.place(), line.text(), List.copyOf(body)));
                    }
                }
                lastBlock.clear();
            } else if (language.equals("sh")) {
                lastBlock.clear();
                lastBlock.add(found.size());
                StringBuilder command = new StringBuilder();
                int commandStart = 0;
                for (int i = 0; i < body.size(); i++) {
                    String text = body.get(i).strip();
                    if (command.isEmpty()) {
                        commandStart = start + i + 2;
                    }
                    if (text.endsWith("\\")) {
                        command.append(text, 0, text.length() - 1).append(' ');
                        continue;
                    }
                    command.append(text);
                    String line = command.toString().replaceAll("\\s+#\\s.*$", "").replaceAll("\\s+", " ").strip();
                    command.setLength(0);
                    if (!line.isEmpty()) {
                        found.add(new ShellLine(name + ":" + commandStart, line, List.of()));
                    }
                }
            } else if (language.equals("console")) {
                if (!page.getParent().getFileName().toString().equals("docs")) {
                    fail(name + ":" + (start + 1)
                            + ": DocExamplesTest runs the console blocks of docs/ only; use ```sh");
                }
                lastBlock.clear();
            } else {
                fail(name + ":" + (start + 1) + ": label the block ```sh (commands), ```console (run with their"
                        + " output) or ```text (anything else), not '```" + language + "'");
            }
        }
        return found;
    }

    private static List<ShellLine> allShellLines() throws IOException {
        List<ShellLine> lines = new ArrayList<>();
        for (Path page : pages()) {
            lines.addAll(shellLines(page));
        }
        return lines;
    }

    @Test
    void everyShellLineOfTheDocsIsRunOrExcludedWithAReason() throws IOException {
        List<ShellLine> lines = allShellLines();
        List<String> unaccounted = lines.stream()
                .filter(line -> !RUN.containsKey(line.text()) && !EXCLUDED.containsKey(line.text()))
                .map(line -> line.place() + ": " + line.text()).toList();
        assertEquals(List.of(), unaccounted, "run these in DocShellExamplesTest.RUN or exclude them with a reason");
        Set<String> inDocs = new HashSet<>(lines.stream().map(ShellLine::text).toList());
        List<String> stale = Stream.concat(RUN.keySet().stream(), EXCLUDED.keySet().stream())
                .filter(text -> !inDocs.contains(text)).toList();
        assertEquals(List.of(), stale, "entries for lines the docs no longer have");
        assertEquals(Set.of(), Set.copyOf(PAGES_WITHOUT_EXAMPLES.keySet().stream()
                .filter(page -> Files.notExists(DocExamplesTest.DOCS.resolve(page))).toList()));
    }

    @Test
    void shBlocksAreSplitIntoCommandLinesAndTheirOutput(@TempDir Path dir) throws IOException {
        Path page = Files.createDirectories(dir.resolve("docs")).resolve("page.md");
        Files.writeString(page, String.join("\n", "text", "```sh", "hn a --b \\", "      --c d   # why", "",
                "hn e", "```", "", "```text", "out", "```", "  ```sh", "  hn f", "  ```", ""));
        assertEquals(List.of(new ShellLine("docs/page.md:3", "hn a --b --c d", List.of("out")),
                new ShellLine("docs/page.md:6", "hn e", List.of("out")),
                new ShellLine("docs/page.md:13", "hn f", List.of())), shellLines(page));
        Files.writeString(page, "```\nhn a\n```\n");
        assertTrue(assertThrowsAssertion(page).contains("page.md:1: label the block"));
        Files.writeString(page, "```text\n$ hn a\n```\n");
        assertTrue(assertThrowsAssertion(page).contains("page.md:2: a command in a ```text block"));
        Path readme = Files.createDirectories(dir.resolve("deploy")).resolve("README.md");
        Files.writeString(readme, "```console\n$ hn --version\n```\n");
        assertTrue(assertThrowsAssertion(readme).contains(
                "deploy/README.md:1: DocExamplesTest runs the console blocks"));
    }

    private static String assertThrowsAssertion(Path page) {
        try {
            shellLines(page);
        } catch (AssertionError | IOException expected) {
            return expected.getMessage();
        }
        return fail("no failure for " + page);
    }

    @TestFactory
    Stream<DynamicTest> everyRunLineRunsAndDoesWhatTheDocsSay() throws IOException {
        List<ShellLine> lines = allShellLines().stream().filter(line -> RUN.containsKey(line.text())).toList();
        return lines.stream().map(line -> DynamicTest.dynamicTest(line.place() + ": " + line.text(), () -> {
            Run run = run(line.text());
            RUN.get(line.text()).check(run, line.followingText());
        }));
    }

    private static String substitute(String line) {
        // a trailing blank lets '~/.hn ' match at the end of a line too
        String result = line + " ";
        for (Map.Entry<String, String> substitution : LINE_SUBSTITUTIONS.getOrDefault(line, Map.of()).entrySet()) {
            result = result.replace(substitution.getKey(), substitution.getValue());
        }
        for (Map.Entry<String, String> substitution : substitutions().entrySet()) {
            result = result.replace(substitution.getKey(), substitution.getValue());
        }
        return result.strip();
    }

    private static final Pattern PRINTF_PIPE = Pattern.compile("^printf '([^']*)' \\| (.*)$");

    /** Runs one line: {@code hn}, {@code printf ... | hn}, {@code cat FILE} or {@code curl -s URL}. */
    private static Run run(String docLine) throws Exception {
        if (docLine.equals(DAEMON_LINE)) {
            return new Run(0, "", "");
        }
        String line = substitute(docLine);
        if (line.startsWith("cat ")) {
            return new Run(0, Files.readString(awaitFile(Path.of(line.substring(4)))), "");
        }
        if (line.startsWith("curl -s ")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(line.substring(8))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Run(response.statusCode() == 200 ? 0 : 22, response.body(), "");
        }
        String stdin = "";
        Matcher pipe = PRINTF_PIPE.matcher(line);
        if (pipe.matches()) {
            stdin = pipe.group(1).replace("\\n", "\n");
            line = pipe.group(2);
        }
        return hn(hnArguments(line), stdin);
    }

    private static final Pattern HN = Pattern.compile("^(?:\\./)?hn (.*)$");

    /** The arguments of an {@code hn} or {@code ./hn} command line, split as a shell does. */
    private static List<String> hnArguments(String line) {
        Matcher hn = HN.matcher(line);
        assertTrue(hn.matches(), "not an hn command: " + line);
        return DocExamplesTest.arguments(hn.group(1), home);
    }

    private static Run hn(List<String> arguments, String stdin) {
        CommandLine commandLine = HnCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = commandLine.execute(arguments.toArray(String[]::new));
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    /** The node's first status file is written {@code STATUS_EVERY} (2 s on a devnet) after it starts. */
    private static Path awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.notExists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return file;
    }

    /**
     * The node's status, with the exit code the quick start gives: 0 ok, 4 unhealthy. Which one depends on when the
     * node last looked at its (missing) PoW source: {@code POW_NOT_SYNC} after a look, {@code START} or
     * {@code NEWROUND} at other times.
     */
    private static void statusOfTheNode(Run run, List<String> text) {
        assertTrue(run.out().startsWith("node     " + devnet.nodes().get(0).address() + " port " + NODE_PORT),
                run.out() + run.err());
        boolean healthy = run.out().contains("\nhealth   ok\n");
        assertTrue(healthy || run.out().contains("\nhealth   UNHEALTHY: the PoW source is not synced"), run.out());
        assertEquals(healthy ? 0 : 4, run.exit(), run.out() + run.err());
    }

    /** The node never started a round, so none is recorded. */
    private static void noRoundsYet(Run run, List<String> text) {
        assertEquals(new Run(0, "no round recorded yet: a round is recorded when the next one starts\n", ""), run);
    }

    /**
     * The peer shell's lines match the doc's sample output after the command, line by line up to its {@code ...}:
     * the same peer, event or direction, and command.
     */
    private static void peerLogLikeTheDoc(Run run, List<String> docOutput) throws IOException {
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> actual = run.out().lines().toList();
        assertTrue(docOutput.size() > 1, "the doc shows the shell's output after the command");
        for (int i = 0; i < docOutput.size() && !docOutput.get(i).equals("..."); i++) {
            String expected = substitute(docOutput.get(i));
            assertTrue(i < actual.size(), "missing line " + (i + 1) + ":\n" + run.out());
            for (String name : List.of("peer", "event", "direction", "command")) {
                assertEquals(field(expected, name), field(actual.get(i), name),
                        name + " of line " + (i + 1) + ":\n" + run.out());
            }
        }
    }

    /** The node answered the hello, height and blocksync the example sends, in the reference framing. */
    private static void everyCommandAnswered(Run run, List<String> text) {
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals("legacy", field(run.out().lines().findFirst().orElse(""), "framing"), run.out());
        List<String> received = run.out().lines().filter(line -> line.contains("\"direction\":\"received\""))
                .map(line -> field(line, "command")).toList();
        assertEquals(List.of("hello", "height", "blocksync"), received, run.out());
    }

    /** A string field of a JSON line, or null; the docs' sample lines elide parts with {@code ...}, so no parser. */
    private static String field(String jsonLine, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(jsonLine);
        return value.find() ? value.group(1) : null;
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
