package org.hn.registry.registration;

/**
 * The reference's IP check of a registration ({@code spec/pow.md §5.4 step 2.1}): Python's
 * {@code ipaddress.ip_address}, which after the colon split accepts only dotted-quad IPv4. Follows current Python
 * (and the careful column of §5.5) in rejecting octets with a leading zero. Private, loopback and reserved ranges
 * are accepted.
 */
final class Ipv4Literal {

    private static final int OCTETS = 4;
    private static final int MAX_OCTET_DIGITS = 3;
    private static final int MAX_OCTET = 255;

    private Ipv4Literal() {
    }

    /** True for four dot-separated ASCII decimal octets 0–255 of 1–3 digits without leading zero. */
    static boolean isValid(String ip) {
        String[] octets = ip.split("\\.", -1);
        if (octets.length != OCTETS) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > MAX_OCTET_DIGITS || !isAsciiDigits(octet)
                    || octet.length() > 1 && octet.charAt(0) == '0' || Integer.parseInt(octet) > MAX_OCTET) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
