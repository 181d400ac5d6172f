package org.hn.registry.registration;

/** The strict profile's port rule ({@code spec/pow.md §5.5}): decimal 1–65535 without sign or leading zero. */
final class PortNumber {

    private static final int MAX_PORT = 65_535;
    private static final int MAX_DIGITS = 5;

    private PortNumber() {
    }

    static boolean isValid(String port) {
        if (port.isEmpty() || port.length() > MAX_DIGITS || port.charAt(0) < '1' || port.charAt(0) > '9') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(port) <= MAX_PORT;
    }
}
