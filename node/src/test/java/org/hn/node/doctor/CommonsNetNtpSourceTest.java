package org.hn.node.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The SNTP client against a one-packet NTP server on loopback whose clock runs 3 s ahead. */
class CommonsNetNtpSourceTest {

    private static final int NTP_PORT = 18201;
    private static final int SILENT_PORT = 18202;

    /**
     * Answers one request (RFC 4330 §5): mode 4, version 3, stratum 2; originate = the request's transmit timestamp;
     * receive = transmit = that timestamp plus 3 s, written by adding 3 to its seconds field.
     */
    private static CompletableFuture<Void> serveOnce(DatagramSocket socket) {
        return CompletableFuture.runAsync(() -> {
            try {
                DatagramPacket request = new DatagramPacket(new byte[48], 48);
                socket.receive(request);
                byte[] in = request.getData();
                byte[] out = new byte[48];
                out[0] = 0x1C;
                out[1] = 2;
                System.arraycopy(in, 40, out, 24, 8);
                long seconds = ((in[40] & 0xFFL) << 24 | (in[41] & 0xFFL) << 16 | (in[42] & 0xFFL) << 8 | (in[43] & 0xFFL))
                        + 3;
                for (int offset : new int[] {32, 40}) {
                    out[offset] = (byte) (seconds >>> 24);
                    out[offset + 1] = (byte) (seconds >>> 16);
                    out[offset + 2] = (byte) (seconds >>> 8);
                    out[offset + 3] = (byte) seconds;
                    System.arraycopy(in, 44, out, offset + 4, 4);
                }
                socket.send(new DatagramPacket(out, 48, request.getSocketAddress()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theOffsetIsTheServersLeadLessHalfTheRoundTrip() throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), NTP_PORT))) {
            server.setSoTimeout(10_000);
            CompletableFuture<Void> served = serveOnce(server);
            long offset = new CommonsNetNtpSource().offsetMillis("127.0.0.1:" + NTP_PORT, Duration.ofSeconds(10));
            served.get();
            // t2 = t3 = t1 + 3000 ms, so offset = 3000 - (t4 - t1) / 2: 3 s less half a loopback round trip
            assertTrue(offset <= 3000 && offset > 2900, "offset " + offset);
        }
    }

    @Test
    void aSilentServerTimesOut() {
        assertThrows(IOException.class,
                () -> new CommonsNetNtpSource().offsetMillis("127.0.0.1:" + SILENT_PORT, Duration.ofMillis(200)));
    }

    @Test
    void aBadPortIsAnIoErrorNamingTheServer() {
        IOException error = assertThrows(IOException.class,
                () -> new CommonsNetNtpSource().offsetMillis("127.0.0.1:ntp", Duration.ofMillis(200)));
        assertEquals("bad port in NTP server '127.0.0.1:ntp'", error.getMessage());
    }
}
