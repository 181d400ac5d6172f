package org.hn.bootstrap;

import java.nio.file.Path;
import org.hn.bootstrap.download.DownloadProgress;
import org.hn.bootstrap.install.InstallStep;

/**
 * The process {@link InstallTest} kills: imports the archive {@code args[0]} as the chain {@code args[1]} with
 * {@code --force}, prints "reached STEP" when step {@code args[2]} is done, then waits to be killed.
 */
public final class ImportUntilKilled {

    private ImportUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        InstallStep stopAt = InstallStep.valueOf(args[2]);
        InstallTest.importer().run(args[0], Path.of(args[1]), true, DownloadProgress.SILENT, step -> {
            if (step == stopAt) {
                System.out.println("reached " + step);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }
}
