package org.hn.registry.registration;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a registration or unregistration openfield, parsed exactly as the reference does
 * ({@code spec/pow.md §4.3}): {@code IP:PORT:POS} optionally followed by {@code ,key=value} options; no trimming,
 * no validation of the values here.
 *
 * @param ip     text before the first colon
 * @param port   text between the colons, never converted
 * @param pos    text after the second colon
 * @param reward the {@code reward=} option if present (even empty), else the sender
 */
public record RegistrationPayload(String ip, String port, String pos, String reward) {

    public RegistrationPayload {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(reward, "reward");
    }

    /**
     * Parses an openfield sent by {@code sender}.
     *
     * @throws InvalidRowException PARSE_ERROR (an option piece without exactly one {@code =}, or a core without
     *                             exactly three colon-separated parts) or BAD_SOURCE ({@code source=} non-empty
     *                             and not the sender)
     */
    static RegistrationPayload parse(String openfield, String sender) throws InvalidRowException {
        String core = openfield;
        Map<String, String> options = new HashMap<>();
        if (openfield.indexOf(',') >= 0) {
            String[] pieces = openfield.split(",", -1);
            core = pieces[0];
            for (int i = 1; i < pieces.length; i++) {
                String[] keyValue = pieces[i].split("=", -1);
                if (keyValue.length != 2) {
                    throw new InvalidRowException(InvalidReason.PARSE_ERROR,
                            "option '" + abbreviate(pieces[i]) + "' is not key=value");
                }
                options.put(keyValue[0], keyValue[1]);
            }
        }
        String[] fields = core.split(":", -1);
        if (fields.length != 3) {
            throw new InvalidRowException(InvalidReason.PARSE_ERROR,
                    "expected IP:PORT:POS, got " + fields.length + " colon-separated field(s)");
        }
        String reward = options.getOrDefault("reward", sender);
        String source = options.get("source");
        if (source != null && !source.isEmpty() && !source.equals(sender)) {
            throw new InvalidRowException(InvalidReason.BAD_SOURCE, "Bad source address " + abbreviate(source));
        }
        return new RegistrationPayload(fields[0], fields[1], fields[2], reward);
    }

    /** Same (ip, port, pos) as strings: the unregistration match of §5.4 step 3; the reward is not compared. */
    boolean sameEndpoint(String otherIp, String otherPort, String otherPos) {
        return ip.equals(otherIp) && port.equals(otherPort) && pos.equals(otherPos);
    }

    // Openfields may be up to 100000 characters; reasons stay readable in logs.
    static String abbreviate(String text) {
        int limit = 80;
        return text.length() <= limit ? text : text.substring(0, limit) + "…(" + text.length() + " chars)";
    }
}
