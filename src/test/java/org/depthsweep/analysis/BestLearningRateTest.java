package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class BestLearningRateTest {
    private static final BestLearningRate ANALYSIS = new BestLearningRate("lr",
            Set.of("depth", "width", "optimizer", "momentum.beta"), Map.of("depth", 1L, "optimizer", "gd"));

    private static LrCell cell(String id, long depth, String optimizer, double lr, String status, Double steps,
                               Double finalLoss) {
        SortedMap<String, Object> params = new TreeMap<>();
        params.put("p", 4.0);
        params.put("lr", lr);
        params.put("depth", depth);
        params.put("width", depth == 1 ? null : 10L);
        params.put("optimizer", optimizer);
        params.put("momentum.beta", "momentum".equals(optimizer) ? 0.9 : null);
        return new LrCell(id, params, status, steps, finalLoss);
    }

    /** depth-1 gd is best at lr 1 (800 steps); depth 2 at lr 10 (200 steps); momentum reaches nothing. */
    private static List<LrCell> grid() {
        return List.of(
                cell("a1", 1, "gd", 0.1, "ok", null, 1e-3),
                cell("a2", 1, "gd", 1.0, "ok", 800.0, 1e-7),
                cell("a3", 1, "gd", 10.0, "diverged", null, Double.NaN),
                cell("b1", 2, "gd", 0.1, "ok", null, 1e-4),
                cell("b2", 2, "gd", 1.0, "ok", 400.0, 1e-7),
                cell("b3", 2, "gd", 10.0, "ok", 200.0, 1e-7),
                cell("c1", 1, "momentum", 0.1, "ok", null, 2e-4),
                cell("c2", 1, "momentum", 1.0, "ok", null, 5e-5),
                cell("c3", 1, "momentum", 10.0, "failed", null, null));
    }

    private static BestLrRow row(List<BestLrRow> rows, long depth, String optimizer) {
        for (BestLrRow row : rows) {
            if (row.configuration().get("depth").equals(depth) && row.configuration().get("optimizer")
                    .equals(optimizer)) {
                return row;
            }
        }
        throw new AssertionError("no row for depth " + depth + ", " + optimizer);
    }

    @Test
    void bestLrReachesTargetFirst() {
        List<BestLrRow> rows = ANALYSIS.rows(grid());
        assertEquals(3, rows.size());
        BestLrRow deep = row(rows, 2, "gd");
        assertEquals(10.0, deep.bestLr());
        assertEquals(200.0, deep.steps());
        assertEquals(3, deep.cells());
        assertEquals(2, deep.reached());
        assertEquals(1e-7, deep.finalLoss());
    }

    @Test
    void factorComparesWithDepthOneDescent() {
        List<BestLrRow> rows = ANALYSIS.rows(grid());
        assertEquals(4.0, row(rows, 2, "gd").factor());
        assertEquals(800.0, row(rows, 2, "gd").referenceSteps());
        assertEquals(1.0, row(rows, 1, "gd").factor());
    }

    @Test
    void unreachedConfigurationReportsLowestLoss() {
        BestLrRow momentum = row(ANALYSIS.rows(grid()), 1, "momentum");
        assertEquals(1.0, momentum.bestLr());
        assertNull(momentum.steps());
        assertNull(momentum.factor());
        assertEquals(5e-5, momentum.finalLoss());
        assertEquals(800.0, momentum.referenceSteps());
        assertEquals(2, momentum.cells(), "the failed cell is left out");
        assertEquals(0, momentum.reached());
    }

    @Test
    void tieGoesToSmallerLr() {
        List<LrCell> cells = List.of(cell("x", 1, "gd", 3.0, "ok", 50.0, 1e-8), cell("y", 1, "gd", 1.0, "ok", 50.0,
                2e-8));
        assertEquals(1.0, ANALYSIS.rows(cells).get(0).bestLr());
    }

    @Test
    void divergedCellNeverCountsAsReached() {
        List<LrCell> cells = List.of(cell("x", 1, "gd", 3.0, "diverged", 10.0, Double.NaN),
                cell("y", 1, "gd", 1.0, "ok", 50.0, 2e-8));
        BestLrRow row = ANALYSIS.rows(cells).get(0);
        assertEquals(1.0, row.bestLr());
        assertEquals(1, row.reached());
    }

    @Test
    void missingReferenceGivesNoFactor() {
        List<LrCell> cells = List.of(cell("b", 2, "gd", 1.0, "ok", 40.0, 1e-8));
        BestLrRow row = ANALYSIS.rows(cells).get(0);
        assertNull(row.referenceSteps());
        assertNull(row.factor());
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<LrCell> shuffled = new ArrayList<>(grid());
        Collections.reverse(shuffled);
        assertEquals(ANALYSIS.rows(grid()), ANALYSIS.rows(shuffled));
    }

    @Test
    void ambiguousReferenceIsRejected() {
        List<LrCell> cells = new ArrayList<>(grid());
        SortedMap<String, Object> params = new TreeMap<>(cells.get(1).params());
        params.put("width", 5L);
        cells.add(new LrCell("z", params, "ok", 700.0, 1e-7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ANALYSIS.rows(cells));
        assertTrue(e.getMessage().contains("both references"), e.getMessage());
    }

    @Test
    void duplicateIdIsRejected() {
        List<LrCell> cells = List.of(cell("x", 1, "gd", 3.0, "ok", 10.0, 1e-8), cell("x", 1, "gd", 1.0, "ok", 50.0,
                2e-8));
        assertThrows(IllegalArgumentException.class, () -> ANALYSIS.rows(cells));
    }

    @Test
    void constructorChecksKeys() {
        assertThrows(IllegalArgumentException.class, () -> new BestLearningRate("lr", Set.of("depth"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new BestLearningRate("lr", Set.of("depth"), Map.of("optimizer", "gd")));
        assertThrows(IllegalArgumentException.class,
                () -> new BestLearningRate("lr", Set.of("depth", "lr"), Map.of("depth", 1L)));
    }

    @Test
    void formatShowsKeysAndValues() {
        List<BestLrRow> rows = ANALYSIS.rows(grid());
        List<String> keys = BestLearningRate.varyingKeys(rows);
        assertEquals(List.of("depth", "momentum.beta", "optimizer", "width"), keys);
        List<BestLrRow> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        String[] lines = BestLearningRate.format(reversed, List.of("depth", "optimizer")).split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].matches("depth\\s+optimizer\\s+cells\\s+reached\\s+best_lr\\s+steps\\s+final_loss\\s+"
                + "ref_steps\\s+factor"), lines[0]);
        assertTrue(lines[3].matches("2\\s+gd\\s+3\\s+2\\s+10\\.00\\s+200\\s+1\\.000e-07\\s+800\\s+4\\.00"),
                lines[3]);
        assertTrue(lines[1].matches("1\\s+gd\\s+3\\s+1\\s+1\\.000\\s+800\\s+1\\.000e-07\\s+800\\s+1\\.00"), lines[1]);
        assertTrue(lines[2].matches("1\\s+momentum\\s+2\\s+0\\s+1\\.000\\s+-\\s+5\\.000e-05\\s+800\\s+-"), lines[2]);
    }
}
