package dev.leaktrace.analyser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte strings (type names, sites) to small dense ints, decoding each distinct one only once.
 *
 * <p>Logs repeat a few hundred names millions of times; interning from the raw bytes lets the hot
 * loop work with ints and never build a String per line.
 */
final class ByteInterner {
    private int[] slots = new int[256]; // entry index + 1; 0 = empty
    private byte[][] keys = new byte[64][];
    private int[] hashes = new int[64];
    private String[] names = new String[64];
    private int size;

    int intern(byte[] bytes, int from, int to) {
        int hash = hash(bytes, from, to);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return add(bytes, from, to, hash, slot);
            }
            if (hashes[entry] == hash && Arrays.equals(keys[entry], 0, keys[entry].length, bytes, from, to)) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether entry {@code index} spells exactly {@code bytes[from, to)}. */
    boolean matches(int index, byte[] bytes, int from, int to) {
        return Arrays.equals(keys[index], 0, keys[index].length, bytes, from, to);
    }

    String name(int index) {
        return names[index];
    }

    int size() {
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

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
