package org.hn.node.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;

/** SNTP over UDP with Apache commons-net: one request, the offset from its four timestamps (RFC 4330). */
public final class CommonsNetNtpSource implements NtpSource {

    /** The NTP port. */
    public static final int NTP_PORT = 123;

    @Override
    public long offsetMillis(String server, Duration timeout) throws IOException {
        int colon = server.lastIndexOf(':');
        String host = colon < 0 ? server : server.substring(0, colon);
        int port = NTP_PORT;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(server.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IOException("bad port in NTP server '" + server + "'");
            }
        }
        try (NTPUDPClient client = new NTPUDPClient()) {
            client.setDefaultTimeout(timeout);
            client.open();
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IOException("cannot resolve " + host, e);
            }
            TimeInfo answer = client.getTime(address, port);
            answer.computeDetails();
            Long offset = answer.getOffset();
            if (offset == null) {
                throw new IOException(server + " sent an answer without usable timestamps");
            }
            return offset;
        }
    }
}
