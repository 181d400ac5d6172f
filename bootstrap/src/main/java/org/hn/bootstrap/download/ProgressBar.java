package org.hn.bootstrap.download;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with carriage returns ({@code [#####-----]  42%  11.2 / 26.6 MiB}),
 * meant for standard error. Redraws only when the shown figure changes, so a slow terminal never slows the
 * download.
 */
public final class ProgressBar implements DownloadProgress {

    private static final int WIDTH = 30;
    private static final double MIB = 1024.0 * 1024.0;

    private final PrintWriter out;
    private String shown = "";

    public ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void advanced(long bytes, long total) {
        String line;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, bytes * WIDTH / total);
            line = String.format(Locale.ROOT, "[%s%s] %3d%%  %.1f / %.1f MiB", "#".repeat(filled),
                    "-".repeat(WIDTH - filled), bytes * 100 / total, bytes / MIB, total / MIB);
        } else {
            line = String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
        }
        if (!line.equals(shown)) {
            shown = line;
            out.print("\r" + line);
            if (total > 0 && bytes >= total) {
                out.println();
            }
            out.flush();
        }
    }
}
