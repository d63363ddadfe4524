package dev.leaktrace.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.leaktrace.demo.vec.FieldVector;
import dev.leaktrace.demo.vec.FieldVectorVector;
import org.junit.jupiter.api.Test;

class VectorSizeTest {
    @Test
    void byteSizesCountArrayHeadersAndElements() {
        assertEquals(16 + 8 * 100, FieldVector.zeros(100).byteSize());
        assertEquals(16 + 8 * 3, new FieldVector(new long[] {1, 2, 3}).byteSize());
        assertEquals(16 + 4 * 3 + 3 * (16 + 8 * 10), new FieldVectorVector(3, 10).byteSize());
    }

    @Test
    void copyRowIsACopy() {
        FieldVectorVector vv = new FieldVectorVector(2, 4);
        vv.set(1, 2, 7);
        FieldVector row = vv.copyRow(1);
        assertEquals(7, row.get(2));
        row.set(2, 8);
        assertEquals(7, vv.get(1, 2));
        assertNotSame(row, vv.copyRow(1));
    }
}
