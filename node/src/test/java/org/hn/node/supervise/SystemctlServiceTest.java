package org.hn.node.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemctl is replaced by a shell script that logs its arguments and answers as told. */
class SystemctlServiceTest {

    @TempDir
    Path temp;

    @Test
    void restartResetsTheFailedStateThenRestarts() throws IOException {
        SystemctlService service = new SystemctlService(fakeSystemctl("active", 0).toString(), "hn");

        service.restart();

        assertEquals(List.of("reset-failed hn", "restart hn"), Files.readAllLines(temp.resolve("calls")));
    }

    @Test
    void refusedRestartIsAnError() throws IOException {
        SystemctlService service = new SystemctlService(fakeSystemctl("failed", 5).toString(), "hn");

        IOException refused = assertThrows(IOException.class, service::restart);

        assertTrue(refused.getMessage().contains("exit 5"), refused.getMessage());
    }

    @Test
    void statesAndStartTimeAreRead() throws IOException {
        assertEquals(ServiceControl.UnitState.ACTIVE,
                new SystemctlService(fakeSystemctl("activating", 0).toString(), "hn").state());
        assertEquals(ServiceControl.UnitState.INACTIVE,
                new SystemctlService(fakeSystemctl("inactive", 3).toString(), "hn").state());
        assertEquals(ServiceControl.UnitState.FAILED,
                new SystemctlService(fakeSystemctl("failed", 3).toString(), "hn").state());
        assertEquals(ServiceControl.UnitState.OTHER, new SystemctlService(temp.resolve("absent").toString(), "hn")
                .state());
        // the main process is this test's JVM: its start time, as the process table says
        ProcessHandle me = ProcessHandle.current();
        assertEquals(me.info().startInstant(),
                new SystemctlService(fakeSystemctl(String.valueOf(me.pid()), 0).toString(), "hn").activeSince());
        assertEquals(Optional.empty(), new SystemctlService(fakeSystemctl("0", 0).toString(), "hn").activeSince());
    }

    /** A systemctl that records "verb unit" and prints {@code answer}, exiting with {@code exitCode}. */
    private Path fakeSystemctl(String answer, int exitCode) throws IOException {
        Path script = temp.resolve("systemctl-" + answer.replace('@', '_') + exitCode);
        Files.writeString(script, """
                #!/bin/sh
                echo "$1 $2" >> '%s'
                echo '%s'
                exit %d
                """.formatted(temp.resolve("calls"), answer, exitCode));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
