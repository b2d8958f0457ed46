package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class AccelerationTest {
    private static final double EXACT = 1e-15;
    private static final double EPS = 1e-3;

    /** Parameters of a toy cell; width null outside chains, as the toy experiment normalizes them. */
    static SortedMap<String, Object> params(double p, long depth, String form, Long width, String init, long seed) {
        SortedMap<String, Object> params = new TreeMap<>();
        params.put("p", p);
        params.put("lr", 0.01);
        params.put("depth", depth);
        params.put("form", form);
        params.put("width", width);
        params.put("init", init);
        params.put("seed", seed);
        return params;
    }

    private static CellSummary cell(String id, SortedMap<String, Object> params, long stepsRun, long wallMs,
                                    Double stepsToEps) {
        return new CellSummary(id, params, stepsRun, wallMs, stepsToEps);
    }

    /**
     * a1 is the depth-1 partner of a2 and a3 (same p, init and seed). b2 has no depth-1 cell at p = 6, and c1 pairs
     * only with c2 because their seed differs from the a cells.
     */
    private static List<CellSummary> grid() {
        return List.of(
                cell("a1", params(4, 1, "plain", null, "zero", 0), 10_000, 2_000, 1000.0),
                cell("a2", params(4, 2, "scalar", null, "zero", 0), 10_000, 4_000, 250.0),
                cell("a3", params(4, 3, "chain", 2L, "zero", 0), 10_000, 6_000, null),
                cell("b2", params(6, 2, "scalar", null, "zero", 0), 10_000, 1_000, 300.0),
                cell("c1", params(4, 1, "plain", null, "zero", 1), 10_000, 2_000, null),
                cell("c2", params(4, 2, "scalar", null, "zero", 1), 10_000, 4_000, 500.0));
    }

    private static Map<String, AccelerationRow> byId(List<AccelerationRow> rows) {
        return rows.stream().collect(Collectors.toMap(AccelerationRow::cellId, Function.identity()));
    }

    @Test
    void rowsPairCellsWithDepthOnePartner() {
        Map<String, AccelerationRow> rows = byId(new Acceleration().rows(grid(), EPS));

        assertEquals(6, rows.size());
        assertEquals("a1", rows.get("a1").partnerCellId());
        assertEquals("a1", rows.get("a2").partnerCellId());
        assertEquals("a1", rows.get("a3").partnerCellId());
        assertNull(rows.get("b2").partnerCellId());
        assertEquals("c1", rows.get("c1").partnerCellId());
        assertEquals("c1", rows.get("c2").partnerCellId());
    }

    /** a2: 1000 / 250 steps; seconds 4 * 250 / 10000 = 0.1 against 2 * 1000 / 10000 = 0.2. */
    @Test
    void rowsComputeFactors() {
        AccelerationRow a2 = byId(new Acceleration().rows(grid(), EPS)).get("a2");

        assertEquals(EPS, a2.eps());
        assertEquals(250.0, a2.stepsToEps());
        assertEquals(1000.0, a2.partnerStepsToEps());
        assertEquals(4.0, a2.factor(), EXACT);
        assertEquals(0.1, a2.secondsToEps(), EXACT);
        assertEquals(0.2, a2.partnerSecondsToEps(), EXACT);
        assertEquals(2.0, a2.timeFactor(), EXACT);
        assertTrue(a2.reachedEps());
    }

    @Test
    void rowsOfDepthOneCellsCompareWithThemselves() {
        Map<String, AccelerationRow> rows = byId(new Acceleration().rows(grid(), EPS));

        assertEquals(1.0, rows.get("a1").factor());
        assertEquals(1.0, rows.get("a1").timeFactor());
        assertEquals(rows.get("a1").stepsToEps(), rows.get("a1").partnerStepsToEps());
        assertNull(rows.get("c1").factor(), "c1 never reached eps, so there is nothing to compare");
    }

    @Test
    void rowsWithoutReachingEpsHaveNullFactors() {
        Map<String, AccelerationRow> rows = byId(new Acceleration().rows(grid(), EPS));

        AccelerationRow a3 = rows.get("a3");
        assertNull(a3.stepsToEps());
        assertNull(a3.factor());
        assertNull(a3.secondsToEps());
        assertNull(a3.timeFactor());
        assertEquals(1000.0, a3.partnerStepsToEps());
        assertFalse(a3.reachedEps());

        AccelerationRow c2 = rows.get("c2");
        assertNull(c2.partnerStepsToEps());
        assertNull(c2.factor());
        assertNull(c2.timeFactor());
        assertEquals(500.0, c2.stepsToEps());
    }

    /** A wall_ms of 0 is below the timer's resolution, so neither seconds nor a time factor can be estimated. */
    @Test
    void zeroWallTimeGivesNoTimeFactor() {
        List<CellSummary> cells = List.of(
                cell("a1", params(4, 1, "plain", null, "zero", 0), 10_000, 0, 1000.0),
                cell("a2", params(4, 2, "scalar", null, "zero", 0), 10_000, 0, 250.0),
                cell("b1", params(6, 1, "plain", null, "zero", 0), 10_000, 0, 1000.0),
                cell("b2", params(6, 2, "scalar", null, "zero", 0), 10_000, 4_000, 250.0),
                cell("c1", params(8, 1, "plain", null, "zero", 0), 10_000, 2_000, 1000.0),
                cell("c2", params(8, 2, "scalar", null, "zero", 0), 10_000, 0, 250.0));
        Map<String, AccelerationRow> rows = byId(new Acceleration().rows(cells, EPS));

        assertNull(rows.get("a1").secondsToEps());
        assertNull(rows.get("a1").timeFactor(), "depth-1 cell with wall_ms 0");
        assertNull(rows.get("a2").secondsToEps());
        assertNull(rows.get("a2").timeFactor(), "cell and partner with wall_ms 0");
        assertEquals(4.0, rows.get("a2").factor(), EXACT);

        assertNull(rows.get("b2").partnerSecondsToEps());
        assertEquals(0.1, rows.get("b2").secondsToEps(), EXACT);
        assertNull(rows.get("b2").timeFactor(), "partner with wall_ms 0");

        assertEquals(0.2, rows.get("c2").partnerSecondsToEps(), EXACT);
        assertNull(rows.get("c2").secondsToEps());
        assertNull(rows.get("c2").timeFactor(), "cell with wall_ms 0");
        assertEquals(4.0, rows.get("c2").factor(), EXACT);
    }

    @Test
    void rowsWithoutPartner() {
        AccelerationRow b2 = byId(new Acceleration().rows(grid(), EPS)).get("b2");

        assertNull(b2.partnerCellId());
        assertNull(b2.partnerStepsToEps());
        assertNull(b2.partnerSecondsToEps());
        assertNull(b2.factor());
        assertNull(b2.timeFactor());
        assertEquals(300.0, b2.stepsToEps());
        assertEquals(1.0 * 300 / 10_000, b2.secondsToEps(), EXACT);
    }

    @Test
    void rowsIndependentOfInputOrder() {
        List<AccelerationRow> expected = new Acceleration().rows(grid(), EPS);
        List<String> ids = expected.stream().map(AccelerationRow::cellId).collect(Collectors.toList());
        assertEquals(List.of("a1", "a2", "a3", "b2", "c1", "c2"), ids);

        Random random = new Random(7L);
        for (int trial = 0; trial < 10; trial++) {
            List<CellSummary> shuffled = new ArrayList<>(grid());
            Collections.shuffle(shuffled, random);
            assertEquals(expected, new Acceleration().rows(shuffled, EPS), "shuffle " + trial);
        }
    }

    @Test
    void rowsRejectAmbiguousPartners() {
        List<CellSummary> cells = List.of(
                cell("x1", params(4, 1, "plain", null, "zero", 0), 100, 10, 50.0),
                cell("y1", params(4, 1, "plain", 3L, "zero", 0), 100, 10, 60.0),
                cell("z2", params(4, 2, "scalar", null, "zero", 0), 100, 10, 20.0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Acceleration().rows(cells, EPS));
        assertTrue(e.getMessage().contains("x1"), e.getMessage());
        assertTrue(e.getMessage().contains("y1"), e.getMessage());
    }

    @Test
    void rowsRejectDuplicateIds() {
        List<CellSummary> cells = List.of(
                cell("x1", params(4, 1, "plain", null, "zero", 0), 100, 10, 50.0),
                cell("x1", params(4, 2, "scalar", null, "zero", 0), 100, 10, 20.0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Acceleration().rows(cells, EPS));
        assertTrue(e.getMessage().contains("x1"), e.getMessage());
    }

    @Test
    void rowsRejectMissingDepth() {
        SortedMap<String, Object> noDepth = params(4, 1, "plain", null, "zero", 0);
        noDepth.remove("depth");
        List<CellSummary> cells = List.of(cell("x1", noDepth, 100, 10, 50.0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Acceleration().rows(cells, EPS));
        assertTrue(e.getMessage().contains("x1"), e.getMessage());
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
    }

    @Test
    void rowsMatchNumbersByValue() {
        SortedMap<String, Object> longP = params(4, 1, "plain", null, "zero", 0);
        longP.put("p", 4L);
        SortedMap<String, Object> doubleDepth = params(4, 2, "scalar", null, "zero", 0);
        doubleDepth.put("depth", 1.0);
        doubleDepth.put("form", "plain");
        List<CellSummary> cells = List.of(
                cell("x1", longP, 100, 10, 50.0),
                cell("x2", params(4, 2, "scalar", null, "zero", 0), 100, 10, 25.0));

        Map<String, AccelerationRow> rows = byId(new Acceleration().rows(cells, EPS));

        assertEquals("x1", rows.get("x2").partnerCellId());
        assertEquals(2.0, rows.get("x2").factor(), EXACT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Acceleration().rows(
                List.of(cells.get(0), cell("y1", doubleDepth, 100, 10, 40.0)), EPS));
        assertTrue(e.getMessage().contains("y1"), "depth 1.0 is depth 1: " + e.getMessage());
    }

    @Test
    void rowsWithCustomDepthKeys() {
        SortedMap<String, Object> otherLr = params(4, 2, "scalar", null, "zero", 0);
        otherLr.put("lr", 0.1);
        List<CellSummary> cells = List.of(
                cell("x1", params(4, 1, "plain", null, "zero", 0), 100, 10, 50.0),
                cell("x2", otherLr, 100, 10, 10.0));

        Map<String, AccelerationRow> byDefault = byId(new Acceleration().rows(cells, EPS));
        Acceleration lrFree = new Acceleration(Set.of("depth", "form", "width", "lr"));
        Map<String, AccelerationRow> withLr = byId(lrFree.rows(cells, EPS));

        assertNull(byDefault.get("x2").partnerCellId());
        assertEquals("x1", withLr.get("x2").partnerCellId());
        assertEquals(5.0, withLr.get("x2").factor(), EXACT);
        assertThrows(IllegalArgumentException.class, () -> new Acceleration(Set.of("form", "width")));
    }

    @Test
    void rowsRejectBadEps() {
        assertThrows(IllegalArgumentException.class, () -> new Acceleration().rows(grid(), 0));
        assertThrows(IllegalArgumentException.class, () -> new Acceleration().rows(grid(), Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new Acceleration().rows(grid(), Double.POSITIVE_INFINITY));
    }

    @Test
    void rowsOfEmptyInput() {
        assertEquals(List.of(), new Acceleration().rows(List.of(), EPS));
    }

    @Test
    void factorEdgeCases() {
        assertEquals(4.0, Acceleration.factor(8.0, 2.0));
        assertEquals(1.0, Acceleration.factor(0.0, 0.0), "both at eps from the start");
        assertNull(Acceleration.factor(5.0, 0.0), "only this cell at eps from the start");
        assertEquals(0.0, Acceleration.factor(0.0, 5.0), "only the partner at eps from the start");
        assertNull(Acceleration.factor(null, 2.0));
        assertNull(Acceleration.factor(2.0, null));
    }

    @Test
    void cellSummaryRejectsBadValues() {
        SortedMap<String, Object> params = params(4, 1, "plain", null, "zero", 0);

        assertThrows(IllegalArgumentException.class, () -> cell("x", params, -1, 0, null));
        assertThrows(IllegalArgumentException.class, () -> cell("x", params, 1, -1, null));
        assertThrows(IllegalArgumentException.class, () -> cell("x", params, 1, 1, -2.0));
        assertThrows(IllegalArgumentException.class, () -> cell("x", params, 1, 1, Double.NaN));
    }

    @Test
    void cellSummaryCopiesParams() {
        SortedMap<String, Object> params = params(4, 1, "plain", null, "zero", 0);
        CellSummary summary = cell("x", params, 1, 1, null);
        params.put("p", 8.0);

        assertEquals(4.0, summary.params().get("p"));
        assertTrue(summary.params().containsKey("width"));
        assertThrows(UnsupportedOperationException.class, () -> summary.params().put("p", 3.0));
    }

    @Test
    void recordsSurviveSerialization() throws Exception {
        CellSummary summary = grid().get(1);
        AccelerationRow row = new Acceleration().rows(grid(), EPS).get(1);

        assertEquals(summary, roundTrip(summary));
        assertEquals(row, roundTrip(row));
    }

    static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
