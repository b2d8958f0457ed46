package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ParamValuesTest {
    @Test
    void orderRanksTypes() {
        List<Object> expected = Arrays.asList(null, false, true, -1L, 0.5, 2L, 10.0, Double.POSITIVE_INFINITY,
                Double.NaN, "a", "b");
        Random random = new Random(3L);
        for (int trial = 0; trial < 5; trial++) {
            List<Object> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, random);
            shuffled.sort(ParamValues.ORDER);
            assertEquals(expected, shuffled, "shuffle " + trial);
        }
    }

    @Test
    void numbersCompareByExactValue() {
        assertEquals(0, ParamValues.compare(4L, 4.0));
        assertEquals(0, ParamValues.compare(-0.0, 0.0));
        assertEquals(0, ParamValues.compare(0L, -0.0));
        assertEquals(0, ParamValues.compare(3, 3L), "Integer and Long");
        // 2^53 + 1 has no double; converting the long to double would make it equal to 2^53
        assertTrue(ParamValues.compare(9_007_199_254_740_993L, 9_007_199_254_740_992.0) > 0);
        assertTrue(ParamValues.compare(Long.MAX_VALUE, Double.POSITIVE_INFINITY) < 0);
    }

    @Test
    void listOrderIsLexicographic() {
        assertTrue(ParamValues.LIST_ORDER.compare(List.of(4.0, 2L), List.of(4L, 10L)) < 0);
        assertTrue(ParamValues.LIST_ORDER.compare(Arrays.asList(4.0, null), List.of(4.0, 1L)) < 0);
        assertTrue(ParamValues.LIST_ORDER.compare(List.of(4.0), List.of(4.0, 1L)) < 0);
        assertEquals(0, ParamValues.LIST_ORDER.compare(List.of(6L, "chain"), List.of(6.0, "chain")));
    }

    @Test
    void mapOrderComparesNamesThenValues() {
        SortedMap<String, Object> a = new TreeMap<>();
        a.put("p", 4.0);
        a.put("width", null);
        SortedMap<String, Object> b = new TreeMap<>(a);
        b.put("p", 4L);
        SortedMap<String, Object> c = new TreeMap<>(a);
        c.remove("width");
        SortedMap<String, Object> d = new TreeMap<>(a);
        d.put("width", 2L);

        assertEquals(0, ParamValues.MAP_ORDER.compare(a, b));
        assertTrue(ParamValues.MAP_ORDER.compare(a, c) != 0, "a missing key differs from a null value");
        assertTrue(ParamValues.MAP_ORDER.compare(a, d) < 0);
    }
}
