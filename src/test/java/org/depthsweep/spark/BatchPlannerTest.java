package org.depthsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.depthsweep.sweep.Cell;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {
    private static List<Cell> cells(int count) {
        List<Cell> cells = new ArrayList<>();
        for (long seed = 0; seed < count; seed++) {
            Map<String, Object> values = new TreeMap<>();
            values.put("seed", seed);
            values.put("steps", 1000L * (1 + seed % 7));
            values.put("fail", false);
            cells.add(new Cell("flaky", 1L, values));
        }
        return cells;
    }

    private static double cost(Cell cell) {
        return cell.getLong("steps") * 1e-5;
    }

    @Test
    void everyCellPlannedOnce() {
        List<Cell> cells = cells(500);
        List<CellBatch> batches = BatchPlanner.plan(cells, BatchPlannerTest::cost, 2, 0, "r1", Map.of());

        Set<String> seen = new HashSet<>();
        int total = 0;
        for (CellBatch batch : batches) {
            for (Cell cell : batch.cells()) {
                assertTrue(seen.add(cell.cellId()), "cell planned twice: " + cell.cellId());
                total++;
            }
        }
        assertEquals(cells.size(), total);
    }

    @Test
    void taskSizesShrinkTowardsTheEnd() {
        List<CellBatch> batches = BatchPlanner.plan(cells(2000), BatchPlannerTest::cost, 2, 0, "r1", Map.of());
        double total = batches.stream().mapToDouble(CellBatch::estimatedSeconds).sum();

        assertTrue(batches.size() >= 8, "tasks: " + batches.size());
        assertEquals(total / 4, batches.get(0).estimatedSeconds(), 0.1, "first task takes 1/4 of the work");
        double last = batches.get(batches.size() - 1).estimatedSeconds();
        assertTrue(last <= BatchPlanner.MIN_TASK_SECONDS + 0.07, "last task: " + last);
    }

    @Test
    void fixedCellsPerTask() {
        List<CellBatch> batches = BatchPlanner.plan(cells(10), BatchPlannerTest::cost, 2, 4, "r1", Map.of());

        assertEquals(3, batches.size());
        assertEquals(4, batches.get(0).cells().size());
        assertEquals(2, batches.get(2).cells().size());
        assertEquals("r1-00000", batches.get(0).batchId());
        assertEquals("r1-00002", batches.get(2).batchId());
    }

    @Test
    void supersededFilesTravelWithTheirCells() {
        List<Cell> cells = cells(6);
        String id = cells.get(3).cellId();
        List<CellBatch> batches = BatchPlanner.plan(cells, BatchPlannerTest::cost, 2, 1, "r1",
                Map.of(id, "failed-old-" + id + ".parquet"));

        CellBatch owner = batches.stream().filter(b -> b.cells().get(0).cellId().equals(id)).findFirst()
                .orElseThrow();
        assertEquals(Map.of(id, "failed-old-" + id + ".parquet"), owner.superseded());
        assertEquals(1, batches.stream().filter(b -> !b.superseded().isEmpty()).count());
    }
}
