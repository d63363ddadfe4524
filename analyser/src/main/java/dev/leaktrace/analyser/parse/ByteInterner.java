package dev.leaktrace.analyser.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte strings (type names, sites) to small dense ints, decoding each distinct one only once.
 *
 * <p>Logs repeat a few hundred names millions of times; interning from the raw bytes lets the hot
 * loop work with ints and never build a String per line.
 */
public final class ByteInterner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private int[] slots = new int[256]; // entry index + 1; 0 = empty
    private byte[][] keys = new byte[64][];
    private int[] hashes = new int[64];
    private String[] names = new String[64];
    private int size;

    public int intern(byte[] bytes, int from, int to) {
        return intern(bytes, from, to, hash(bytes, from, to));
    }

    /** {@link #intern(byte[], int, int)} with the {@link #hash} of the bytes already computed. */
    int intern(byte[] bytes, int from, int to, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return add(bytes, from, to, hash, slot);
            }
            if (hashes[entry] == hash && equal(keys[entry], bytes, from, to)) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The entry spelling {@code bytes[from, to)}, whose {@link #hash} is {@code hash}, or -1 if there is none yet. */
    int find(byte[] bytes, int from, int to, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot] - 1;
            if (entry < 0 || hashes[entry] == hash && equal(keys[entry], bytes, from, to)) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether entry {@code index} spells exactly {@code bytes[from, to)}. */
    public boolean matches(int index, byte[] bytes, int from, int to) {
        return equal(keys[index], bytes, from, to);
    }

    /**
     * Whether {@code key} spells exactly {@code bytes[from, to)}, eight bytes per step: names are a
     * few dozen bytes, too few for {@link Arrays#equals(byte[], int, int, byte[], int, int)} to
     * earn back its range checks and call (docs/performance.md).
     */
    static boolean equal(byte[] key, byte[] bytes, int from, int to) {
        int n = key.length;
        if (n != to - from) {
            return false;
        }
        if (n < Long.BYTES) {
            for (int i = 0; i < n; i++) {
                if (key[i] != bytes[from + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < n - Long.BYTES; i += Long.BYTES) {
            if ((long) LONGS.get(key, i) != (long) LONGS.get(bytes, from + i)) {
                return false;
            }
        }
        // the last eight bytes, some compared twice
        return (long) LONGS.get(key, n - Long.BYTES) == (long) LONGS.get(bytes, to - Long.BYTES);
    }

    public String name(int index) {
        return names[index];
    }

    public int size() {
        return size;
    }

    private int add(byte[] bytes, int from, int to, int hash, int slot) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            names = Arrays.copyOf(names, size * 2);
        }
        int entry = size++;
        keys[entry] = Arrays.copyOfRange(bytes, from, to);
        hashes[entry] = hash;
        names[entry] = new String(keys[entry], StandardCharsets.UTF_8);
        slots[slot] = entry + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return entry;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = hashes[entry] & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = entry + 1;
        }
        slots = bigger;
    }

    /**
     * Eight bytes per step rather than one, as a site is hashed on every allocation line. The words
     * are taken in order, the last one zero-extended from its bytes, and the length mixed in last,
     * so that {@link CanonicalLineParser} can hash a word in the same pass that finds its end.
     */
    static int hash(byte[] bytes, int from, int to) {
        long h = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            h = mix(h, (long) LONGS.get(bytes, i));
        }
        if (i < to) {
            long tail;
            if (to - from >= Long.BYTES) {
                // the last eight bytes, shifted so that only those not hashed yet remain
                tail = (long) LONGS.get(bytes, to - Long.BYTES) >>> (Long.SIZE - Byte.SIZE * (to - i));
            } else {
                tail = 0;
                for (int at = to - 1; at >= i; at--) {
                    tail = tail << 8 | (bytes[at] & 0xFF);
                }
            }
            h = mix(h, tail);
        }
        return finish(h, to - from);
    }

    /** One step of {@link #hash}: {@code word} is eight bytes, little-endian, or the zero-extended last few. */
    static long mix(long h, long word) {
        return (h ^ word) * MIX;
    }

    /** The last step of {@link #hash}, over {@code length} bytes. */
    static int finish(long h, int length) {
        h = (h ^ length) * MIX;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
