package leakfixtures;

/** A fixture without close(): traced objects of it drop when the GC collects them. */
public final class Buffer {
    private final byte[] data;

    public Buffer(int size) {
        data = new byte[size];
    }

    public int size() {
        return data.length;
    }
}
