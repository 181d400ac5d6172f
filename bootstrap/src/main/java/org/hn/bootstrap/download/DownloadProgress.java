package org.hn.bootstrap.download;

/** Told how a download goes, after each chunk written. */
@FunctionalInterface
public interface DownloadProgress {

    /** Reports nothing. */
    DownloadProgress SILENT = (bytes, total) -> { };

    /**
     * @param bytes bytes of the file on disk so far, resumed part included
     * @param total the whole file's length in bytes, or −1 when the server did not say
     */
    void advanced(long bytes, long total);
}
