package dev.leaktrace.analyser.result;

/**
 * Text from a log made safe to print in a message: a damaged log may hold carriage returns,
 * escape sequences or other control characters that would break the message's line or drive the
 * user's terminal. Each becomes {@code \xNN}; everything else is kept.
 */
public final class Printable {
    private Printable() {
    }

    public static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\x%02X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
