package dev.leaktrace.bootstrap;

/**
 * One thread's latest id as decimal text, advanced in place: a thread's ids come in runs of +1
 * (blocks of ids), so the next id's text is the last one's with its last digit bumped, and the
 * {@code @DROP} of the thread's newest object reuses the text of its {@code @ALLOCATE}.
 */
final class IdText {
    private static final int WIDTH = 20;
    private final byte[] digits = new byte[WIDTH];
    /** The text is {@code digits[from, WIDTH)}. */
    private int from = WIDTH;
    private long value = -1;

    /** Makes the text that of {@code id} (ids are positive). */
    void set(long id) {
        if (id == value) {
            return;
        }
        if (id == value + 1 && value >= 0) {
            int i = WIDTH - 1;
            while (i >= from && digits[i] == '9') {
                digits[i--] = '0';
            }
            if (i < from) {
                digits[--from] = '1';
            } else {
                digits[i]++;
            }
        } else {
            long positive = Math.max(0, id);
            from = WIDTH - LineFormat.digits(positive);
            LineFormat.putLong(digits, from, positive);
        }
        value = id;
    }

    /** Appends the text; a loop, since ids are too short for a call to arraycopy to pay. */
    int copyTo(byte[] buf, int pos) {
        for (int i = from; i < WIDTH; i++) {
            buf[pos++] = digits[i];
        }
        return pos;
    }
}
