package org.hn.node.shell;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One parsed line of {@code hn peer} input.
 *
 * @param verb     what to do
 * @param number   the height ({@code blockinfo}, {@code blocksync}) or round ({@code roundblocks}); 0 otherwise
 * @param payload  the bytes of {@code raw}, sent as one frame's payload; empty otherwise
 * @param legacy   for {@code legacy}: whether legacy framing is turned on
 */
public record ShellCommand(Verb verb, int number, byte[] payload, boolean legacy) {

    /** The shell's commands; {@link #usage()} is the text {@code help} prints. */
    public enum Verb {
        HELLO("hello", "say the client hello (posnet0002, port 00101, our address)"),
        PING("ping", "send ping (no answer is expected)"),
        HEIGHT("height", "send our height (all zeros) and read the peer's"),
        BLOCKINFO("blockinfo H", "ask for the height summary of block H"),
        BLOCKSYNC("blocksync H", "ask for the blocks from height H on"),
        ROUNDBLOCKS("roundblocks R", "ask for the blocks of round R"),
        MEMPOOL("mempool", "ask for the peer's mempool"),
        RAW("raw HEX", "send HEX as one frame's payload (a protobuf Command, or anything)"),
        LEGACY("legacy on|off", "speak legacy (reference) or v2 framing; reconnects"),
        HELP("help", "list the commands"),
        QUIT("quit", "close the connection and leave");

        private final String syntax;
        private final String meaning;

        Verb(String syntax, String meaning) {
            this.syntax = syntax;
            this.meaning = meaning;
        }

        /** The command word, e.g. {@code blockinfo}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code syntax — meaning}, one line per command. */
        public static List<String> usage() {
            return Arrays.stream(values())
                    .map(verb -> String.format(Locale.ROOT, "  %-15s %s", verb.syntax, verb.meaning)).toList();
        }
    }

    private static final byte[] NONE = new byte[0];

    public ShellCommand {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Parses one line: a command word and its argument, separated by blanks, case-insensitive words.
     *
     * @return the command, or null for a blank line or a {@code #} comment
     * @throws ShellSyntaxException naming the unknown word, the missing or extra argument, or the bad number or hex
     */
    public static ShellCommand parse(String line) throws ShellSyntaxException {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        String[] words = trimmed.split("\\s+");
        String word = words[0].toLowerCase(Locale.ROOT);
        Verb verb = Arrays.stream(Verb.values()).filter(candidate -> candidate.word().equals(word))
                .findFirst().orElseThrow(() -> new ShellSyntaxException("unknown command '" + words[0] + "'; type help"));
        return switch (verb) {
            case BLOCKINFO, BLOCKSYNC, ROUNDBLOCKS -> new ShellCommand(verb, number(verb, words), NONE, false);
            case RAW -> new ShellCommand(verb, 0, hex(words), false);
            case LEGACY -> new ShellCommand(verb, 0, NONE, onOff(words));
            default -> {
                if (words.length != 1) {
                    throw new ShellSyntaxException(verb.word() + " takes no argument");
                }
                yield new ShellCommand(verb, 0, NONE, false);
            }
        };
    }

    private static String argument(Verb verb, String[] words) throws ShellSyntaxException {
        if (words.length != 2) {
            throw new ShellSyntaxException("usage: " + verb.syntax);
        }
        return words[1];
    }

    private static int number(Verb verb, String[] words) throws ShellSyntaxException {
        String text = argument(verb, words);
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ShellSyntaxException(verb.word() + ": '" + text + "' is not a number from 0 to "
                    + Integer.MAX_VALUE);
        }
    }

    private static byte[] hex(String[] words) throws ShellSyntaxException {
        String text = argument(Verb.RAW, words);
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new ShellSyntaxException("raw: '" + text + "' is not an even number of hex digits");
        }
    }

    private static boolean onOff(String[] words) throws ShellSyntaxException {
        String text = argument(Verb.LEGACY, words).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ShellSyntaxException("usage: " + Verb.LEGACY.syntax);
        };
    }
}
