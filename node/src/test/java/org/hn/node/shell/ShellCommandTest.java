package org.hn.node.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hn.node.shell.ShellCommand.Verb;
import org.junit.jupiter.api.Test;

class ShellCommandTest {

    private static String error(String line) {
        return assertThrows(ShellSyntaxException.class, () -> ShellCommand.parse(line)).getMessage();
    }

    @Test
    void wordsAndArguments() throws ShellSyntaxException {
        assertEquals(Verb.HELLO, ShellCommand.parse("  Hello ").verb());
        ShellCommand blocksync = ShellCommand.parse("blocksync\t20");
        assertEquals(Verb.BLOCKSYNC, blocksync.verb());
        assertEquals(20, blocksync.number());
        assertEquals(2_147_483_647, ShellCommand.parse("roundblocks 2147483647").number());
        assertArrayEquals(new byte[] {0x08, 0x15}, ShellCommand.parse("raw 0815").payload());
        assertTrue(ShellCommand.parse("legacy ON").legacy());
        assertEquals(false, ShellCommand.parse("legacy off").legacy());
        assertNull(ShellCommand.parse("   "));
        assertNull(ShellCommand.parse("# comment"));
    }

    @Test
    void badLinesSayWhatWasExpected() {
        assertEquals("unknown command 'helo'; type help", error("helo"));
        assertEquals("usage: blockinfo H", error("blockinfo"));
        assertEquals("usage: blockinfo H", error("blockinfo 1 2"));
        assertEquals("blockinfo: '-1' is not a number from 0 to 2147483647", error("blockinfo -1"));
        assertEquals("roundblocks: '2147483648' is not a number from 0 to 2147483647", error("roundblocks 2147483648"));
        assertEquals("raw: '080' is not an even number of hex digits", error("raw 080"));
        assertEquals("usage: legacy on|off", error("legacy maybe"));
        assertEquals("ping takes no argument", error("ping 3"));
    }
}
