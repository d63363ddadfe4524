package dev.leaktrace.bootstrap;

/**
 * The fixed start of a traced type's lines for one size, {@code "@ALLOCATE <type> <size> "} and
 * the like, made once: most types have one size (the shallow size), so each line then starts
 * with one copy instead of a keyword, a name and a number printed digit by digit.
 */
final class LinePrefixes {
    final long size;
    final byte[] allocate;
    final byte[] drop;
    final byte[] gc;

    LinePrefixes(byte[] type, long size) {
        this.size = size;
        this.allocate = prefix(LineFormat.ALLOCATE, type, size);
        this.drop = prefix(LineFormat.DROP, type, size);
        this.gc = prefix(LineFormat.GC, type, size);
    }

    private static byte[] prefix(byte[] keyword, byte[] type, long size) {
        byte[] buf = new byte[keyword.length + type.length + 22];
        int end = LineFormat.put(buf, 0, keyword);
        end = LineFormat.put(buf, end, type);
        buf[end++] = ' ';
        end = LineFormat.putLong(buf, end, size);
        buf[end++] = ' ';
        return java.util.Arrays.copyOf(buf, end);
    }

    /** The prefix for {@code keyword}: {@link LineFormat#ALLOCATE}, {@link LineFormat#DROP} or {@link LineFormat#GC}. */
    byte[] of(byte[] keyword) {
        return keyword == LineFormat.ALLOCATE ? allocate : keyword == LineFormat.GC ? gc : drop;
    }
}
