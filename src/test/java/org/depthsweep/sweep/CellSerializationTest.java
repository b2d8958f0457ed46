package org.depthsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Cells travel to Spark executors by Java serialization, and what arrives must be the same cell, value types
 * included.
 */
class CellSerializationTest {

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static Cell cellWithEveryType(long seed) {
        Map<String, Object> values = new HashMap<>();
        values.put("p", 3.3);
        values.put("lr", -0.0);
        values.put("nan", Double.NaN);
        values.put("steps", 1_000_000L);
        values.put("seed", seed);
        values.put("form", "scalar");
        values.put("path", "/data/données/étude \"a\"\n" + "x".repeat(70_000));
        values.put("flag", Boolean.TRUE);
        values.put("width", null);
        return new Cell("toy", 17L, values);
    }

    @Test
    void roundTripKeepsIdSeedAndTypedValues() throws Exception {
        Cell cell = cellWithEveryType(2L);
        Cell back = (Cell) deserialize(serialize(cell));
        assertEquals(cell.cellId(), back.cellId());
        assertEquals(cell.derivedSeed(), back.derivedSeed());
        assertEquals(cell.experiment(), back.experiment());
        assertEquals(cell.sweepSeed(), back.sweepSeed());
        assertEquals(cell.values(), back.values());
        for (Map.Entry<String, Object> e : cell.values().entrySet()) {
            Object value = back.values().get(e.getKey());
            if (e.getValue() != null) {
                assertInstanceOf(e.getValue().getClass(), value, e.getKey());
            }
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.getDouble("lr")));
        assertEquals(CellIds.cellId("toy", 17L, back.values()), back.cellId(), "the id still matches the values");
    }

    @Test
    void cellsInsideOtherObjectsKeepTheirOrder() throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (long seed = 0; seed < 50; seed++) {
            cells.add(cellWithEveryType(seed));
        }
        @SuppressWarnings("unchecked")
        List<Cell> back = (List<Cell>) deserialize(serialize(cells));
        assertEquals(cells.size(), back.size());
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(cells.get(i).cellId(), back.get(i).cellId());
            assertEquals(cells.get(i).values(), back.get(i).values());
        }
    }

    @Test
    void streamHoldsNoMapOrBoxedValueObjects() throws Exception {
        String stream = new String(serialize(cellWithEveryType(1L)), StandardCharsets.ISO_8859_1);
        assertFalse(stream.contains("java.util.TreeMap"), "the values map is written as fields, not as a map");
        assertFalse(stream.contains("java.lang.Double"), "doubles are written as primitives");
    }

    @Test
    void cellFieldsAreNeverReadDirectly() throws Exception {
        // Only the serialized form builds a cell, so no stream can set fields that skipped the id computation.
        java.lang.reflect.Method readObject = Cell.class.getDeclaredMethod("readObject", ObjectInputStream.class);
        readObject.setAccessible(true);
        java.lang.reflect.InvocationTargetException thrown = assertThrows(
                java.lang.reflect.InvocationTargetException.class,
                () -> readObject.invoke(cellWithEveryType(1L), (ObjectInputStream) null));
        InvalidObjectException cause = assertInstanceOf(InvalidObjectException.class, thrown.getCause());
        assertEquals("a cell is read from its serialized form only", cause.getMessage());
    }
}
