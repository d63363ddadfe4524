package dev.leaktrace.bootstrap;

/**
 * The decimal text of the id a thread printed last, advanced in place: a thread's ids come in runs
 * of +1 (blocks of ids), so the next id's text is the last one's with its last digit bumped, and
 * the {@code @DROP} of the thread's newest object reuses the text of its {@code @ALLOCATE}.
 *
 * <p>The first part of {@link ThreadState}'s fields (so they share its padding: written per
 * object, they must not share a cache line with another thread's).
 */
abstract class IdText extends CacheLinePadding {
    private static final int WIDTH = 20;
    /** Bytes left unused on both sides of the digits: a cache line to the array's neighbours. */
    private static final int PAD = 64;
    private final byte[] digits = new byte[PAD + WIDTH + PAD];
    /** The text is {@code digits[from, PAD + WIDTH)}. */
    private int from = PAD + WIDTH;
    private long value = -1;

    /** Makes the text that of {@code id} (ids are positive). */
    final void setId(long id) {
        if (id == value) {
            return;
        }
        if (id == value + 1 && value >= 0) {
            int i = PAD + WIDTH - 1;
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
            from = PAD + WIDTH - LineFormat.digits(positive);
            LineFormat.putLong(digits, from, positive);
        }
        value = id;
    }

    /** Appends the text; a loop, since ids are too short for a call to arraycopy to pay. */
    final int copyIdTo(byte[] buf, int pos) {
        for (int i = from; i < PAD + WIDTH; i++) {
            buf[pos++] = digits[i];
        }
        return pos;
    }
}
