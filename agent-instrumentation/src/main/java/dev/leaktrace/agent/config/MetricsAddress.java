package dev.leaktrace.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where {@code metrics:} serves: {@code PORT} or {@code HOST:PORT} on a loopback address, or,
 * said explicitly, {@code public:HOST:PORT} on any other, since metrics name the program's classes
 * and source lines to whoever can reach the port.
 */
public final class MetricsAddress {
    /** The prefix that makes a non-loopback address deliberate. */
    public static final String PUBLIC_PREFIX = "public:";
    private static final String FORMS = "Write PORT (127.0.0.1:PORT), 127.0.0.1:PORT, [::1]:PORT, or "
            + PUBLIC_PREFIX + "HOST:PORT for an address other hosts can reach (e.g. " + PUBLIC_PREFIX
            + "0.0.0.0:9464).";

    private final InetAddress host;
    private final int port;
    private final String text;

    private MetricsAddress(InetAddress host, int port, String text) {
        this.host = host;
        this.port = port;
        this.text = text;
    }

    public InetAddress host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** As the user wrote it, for messages. */
    @Override
    public String toString() {
        return text;
    }

    /** Parses the value; the exception's message says what is wrong and what to write. */
    public static MetricsAddress parse(String value) {
        String text = value.trim();
        boolean isPublic = text.startsWith(PUBLIC_PREFIX);
        String rest = isPublic ? text.substring(PUBLIC_PREFIX.length()) : text;
        String hostText;
        String portText;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("'" + text + "' is not [IPv6]:PORT. " + FORMS);
            }
            hostText = rest.substring(1, close);
            portText = rest.substring(close + 2);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                if (isPublic) {
                    throw new IllegalArgumentException("'" + text + "' has no host: write " + PUBLIC_PREFIX
                            + "HOST:PORT. " + FORMS);
                }
                hostText = "127.0.0.1";
                portText = rest;
            } else {
                hostText = rest.substring(0, colon);
                portText = rest.substring(colon + 1);
                if (hostText.indexOf(':') >= 0) {
                    throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, [::1]:PORT. "
                            + FORMS);
                }
            }
        }
        int port = port(text, portText);
        if (hostText.isEmpty() || !isLiteral(hostText)) {
            throw new IllegalArgumentException("'" + text + "': the host must be an IP address ("
                    + (hostText.isEmpty() ? "it is empty" : "'" + hostText + "' is a name, which would need a DNS"
                    + " look-up before main") + "). " + FORMS);
        }
        InetAddress host;
        try {
            host = InetAddress.getByName(hostText); // a literal: no look-up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "': '" + hostText + "' is not an IP address. " + FORMS);
        }
        if (!isPublic && !host.isLoopbackAddress()) {
            throw new IllegalArgumentException("'" + text + "' is not a loopback address, so other hosts could read"
                    + " the metrics; write '" + PUBLIC_PREFIX + text + "' if that is meant, or 127.0.0.1:" + port + ".");
        }
        return new MetricsAddress(host, port, text);
    }

    private static int port(String text, String portText) {
        try {
            int port = Integer.parseInt(portText);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "': the port '" + portText + "' is not a number from 1 to"
                + " 65535. " + FORMS);
    }

    private static boolean isLiteral(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return host.indexOf('.') >= 0 || host.indexOf(':') >= 0;
    }
}
