package dev.flotilla.user.ratelimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The part of a client address that rate limits are keyed on: an IPv4 address as it is, an IPv6
 * address by its /64 prefix. One subscriber or one server usually holds a whole /64, so keying on
 * the full IPv6 address would give an attacker 2^64 fresh limits.
 */
public final class ClientAddresses {

    /** Only literal addresses are parsed, so that no text can make this a DNS lookup. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?");
    private static final int PREFIX_BYTES = 8;

    private ClientAddresses() {
    }

    /** The limit key of the address {@code HttpServletRequest#getRemoteAddr()} returned. */
    public static String limitKey(String address) {
        if (!address.contains(":") || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet4Address mapped) {
                return mapped.getHostAddress();
            }
            if (parsed instanceof Inet6Address v6) {
                byte[] bytes = v6.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < PREFIX_BYTES; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
        } catch (UnknownHostException e) {
            // Not an address after all: key on the text as it is.
        }
        return address;
    }
}
