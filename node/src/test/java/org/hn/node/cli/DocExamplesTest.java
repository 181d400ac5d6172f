package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs every example of the docs marked runnable: the {@code ```console} blocks of {@code docs/*.md}.
 *
 * <p>In such a block, {@code $ hn ARGS} (or {@code $ ./hn ARGS}) runs {@code hn} in-process with the arguments
 * split like a shell does (blanks, single and double quotes; {@code ~} is a scratch home directory); the lines up
 * to the next {@code $} are its expected output, stdout then stderr, where a line {@code ...} stands for any
 * number of lines and {@code ...} inside a line for any text; no lines means the output is not checked.
 * {@code $ echo $?} followed by a number gives the exit code of the command before it, 0 otherwise. Any other
 * {@code $} line fails the test: a console block holds only what can be run. Examples that need a running node,
 * or cannot run at all, are written in {@code ```sh} blocks: {@link DocShellExamplesTest} runs them against a devnet
 * node or lists them as excluded with a reason.
 */
class DocExamplesTest {

    static final Path DOCS = Path.of("..", "docs");
    private static final Pattern HN = Pattern.compile("^\\$ (?:\\./)?hn(?: (.*))?$");

    @TempDir
    Path home;

    /** One runnable example: where it is, its arguments, and what it must do. */
    record Example(String place, String commandLine, List<String> expectedOutput, int expectedExit) {
    }

    @TestFactory
    Stream<DynamicTest> everyConsoleExampleRuns() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                examples.addAll(examples(page));
            }
        }
        assertFalse(examples.isEmpty(), "no console example found in " + DOCS.toAbsolutePath());
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.place() + ": hn " + example.commandLine(),
                () -> run(example)));
    }

    /** The console examples of a page, in order. */
    static List<Example> examples(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Example> examples = new ArrayList<>();
        boolean inConsole = false;
        String command = null;
        String place = null;
        List<String> output = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (!inConsole) {
                inConsole = line.strip().equals("```console");
                continue;
            }
            boolean end = line.strip().equals("```");
            if ((end || line.startsWith("$ ")) && !line.equals("$ echo $?")) {
                if (command != null) {
                    examples.add(new Example(place, command, List.copyOf(output), 0));
                    command = null;
                }
                output.clear();
            }
            if (end) {
                inConsole = false;
            } else if (line.equals("$ echo $?")) {
                if (command == null || index + 1 >= lines.size()) {
                    fail(page + ":" + (index + 1) + ": 'echo $?' without a command before it or a code after it");
                }
                examples.add(new Example(place, command, List.copyOf(output), Integer.parseInt(lines.get(++index).strip())));
                command = null;
                output.clear();
            } else if (line.startsWith("$ ")) {
                var matcher = HN.matcher(line);
                if (!matcher.matches()) {
                    fail(page + ":" + (index + 1) + ": a console block runs only 'hn' and 'echo $?': " + line);
                }
                command = matcher.group(1) == null ? "" : matcher.group(1);
                place = page.getFileName() + ":" + (index + 1);
            } else if (command != null) {
                output.add(line);
            }
        }
        return examples;
    }

    @org.junit.jupiter.api.Test
    void consoleBlocksAreParsedIntoCommandsOutputsAndExitCodes(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(page, String.join("\n", "text", "```sh", "hn devnet", "```", "```console",
                "$ ./hn --version", "hn ...", "$ hn doctor --data '~/a b' --json", "{...}", "$ echo $?", "1",
                "$ hn", "```", ""));
        assertEquals(List.of(new Example("page.md:6", "--version", List.of("hn ..."), 0),
                new Example("page.md:8", "doctor --data '~/a b' --json", List.of("{...}"), 1),
                new Example("page.md:12", "", List.of(), 0)), examples(page));
        assertEquals(List.of("doctor", "--data", dir + "/.hn", "a b", "x~"),
                arguments("doctor --data ~/.hn \"a b\" x~", dir));
        assertTrue(matches(List.of("a", "...", "d...f"), 0, List.of("a", "b", "c", "def"), 0));
        assertTrue(matches(List.of("a", "..."), 0, List.of("a"), 0));
        assertFalse(matches(List.of("a", "...", "e"), 0, List.of("a", "b", "c", "def"), 0));
        assertFalse(matches(List.of("a"), 0, List.of("a", "b"), 0));
    }

    private void run(Example example) {
        CommandLine hn = HnCommand.commandLine();
        StringWriter out = new StringWriter();
        hn.setOut(new PrintWriter(out));
        hn.setErr(new PrintWriter(out));
        int exit = hn.execute(arguments(example.commandLine(), home).toArray(String[]::new));
        List<String> actual = out.toString().lines().toList();
        assertEquals(example.expectedExit(), exit, example.place() + " exit code; output:\n" + out);
        if (!example.expectedOutput().isEmpty()) {
            assertTrue(matches(example.expectedOutput(), 0, actual, 0),
                    example.place() + " output differs; expected:\n" + String.join("\n", example.expectedOutput())
                            + "\nactual:\n" + out);
        }
    }

    /** Shell-like splitting: blanks separate words, quotes group, a leading {@code ~} is the scratch home. */
    static List<String> arguments(String commandLine, Path home) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int index = 0; index < commandLine.length(); index++) {
            char c = commandLine.charAt(index);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                if (!inWord && c == '~' && (index + 1 == commandLine.length() || commandLine.charAt(index + 1) == '/')) {
                    word.append(home);
                } else {
                    word.append(c);
                }
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Whether {@code actual} from {@code a} matches {@code expected} from {@code e}, {@code ...} as wildcards. */
    static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).strip().equals("...")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && lineMatches(expected.get(e), actual.get(a)) && matches(expected, e + 1, actual, a + 1);
    }

    private static boolean lineMatches(String expected, String actual) {
        String[] parts = expected.split("\\.\\.\\.", -1);
        StringBuilder regex = new StringBuilder();
        for (int index = 0; index < parts.length; index++) {
            if (index > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[index]));
        }
        return actual.matches(regex.toString());
    }
}
