package org.depthsweep.experiment.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.depthsweep.analysis.BestLearningRate;
import org.depthsweep.analysis.BestLrRow;
import org.depthsweep.analysis.LrCell;
import org.depthsweep.data.EthanolShapedCsv;
import org.depthsweep.experiment.CellResult;
import org.depthsweep.experiment.CellRunner;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.sweep.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the gd and e2e cells of conf/linear-lp4.conf and conf/linear-lp2.conf through the experiment, without Spark,
 * and compares depths at their best learning rates.
 *
 * <p>To keep the test short it leaves out the optimizer baselines and the learning rates below a cut, where no cell
 * reaches the target much sooner than at the cut: below its best learning rate a configuration needs more steps the
 * smaller the rate. The test checks that every best learning rate lies above the cut, so the skipped rates could
 * only have been slower.
 */
class LinearConfTest {
    private static final BestLearningRate BEST_LR = new BestLearningRate(LinearExperiment.LR,
            union(Set.of(LinearExperiment.DEPTH, LinearExperiment.WIDTH, LinearExperiment.OPTIMIZER),
                    LinearExperiment.OPTIMIZER_SETTINGS),
            Map.of(LinearExperiment.DEPTH, 1L, LinearExperiment.OPTIMIZER, LinearExperiment.GD));

    @TempDir
    Path dir;

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** Runs the gd and e2e cells of a conf file with lr >= minLr and returns their best-lr rows. */
    private static List<BestLrRow> bestLrRows(String conf, double minLr, int expectedCells) {
        List<Cell> cells = ConfCells.expand(Path.of("conf", conf), Map.of(), values -> {
            Object optimizer = values.get(LinearExperiment.OPTIMIZER);
            boolean compared = LinearExperiment.GD.equals(optimizer) || LinearExperiment.E2E.equals(optimizer);
            return compared && (Double) values.get(LinearExperiment.LR) >= minLr * (1 - 1e-9);
        });
        assertEquals(expectedCells, cells.size(), "cells of " + conf);
        List<LrCell> records = new ArrayList<>();
        for (Cell cell : cells) {
            CellResult result = CellRunner.run(cell, 1);
            Object steps = result.outcome() == null ? null
                    : result.outcome().extras().get(LinearExperiment.STEPS_TO_TARGET);
            records.add(new LrCell(cell.cellId(), cell.values(), result.status().label(),
                    steps == null ? null : ((Long) steps).doubleValue(), result.finalLoss()));
        }
        List<BestLrRow> rows = BEST_LR.rows(records);
        String table = BestLearningRate.format(rows, BestLearningRate.varyingKeys(rows));
        for (BestLrRow row : rows) {
            assertTrue(row.bestLr() > minLr * (1 + 1e-9), "best lr at the cut " + minLr + ", so a skipped rate "
                    + "might be better\n" + table);
        }
        return rows;
    }

    private static BestLrRow row(List<BestLrRow> rows, long depth, String optimizer) {
        for (BestLrRow row : rows) {
            if (row.configuration().get(LinearExperiment.DEPTH).equals(depth)
                    && row.configuration().get(LinearExperiment.OPTIMIZER).equals(optimizer)) {
                return row;
            }
        }
        throw new AssertionError("no row for depth " + depth + " and optimizer " + optimizer);
    }

    @Test
    void lp4DepthReachesTargetSooner() {
        // lr from 10^0.5 to 1000: 11 of the 25 rates
        List<BestLrRow> rows = bestLrRows("linear-lp4.conf", Math.pow(10, 0.5), 6 * 11);
        String table = BestLearningRate.format(rows, BestLearningRate.varyingKeys(rows));
        assertNotNull(row(rows, 1, "gd").steps(), "depth-1 gd must reach the target\n" + table);
        for (String optimizer : new String[] {"gd", "e2e"}) {
            for (long depth = 2; depth <= 3; depth++) {
                BestLrRow row = row(rows, depth, optimizer);
                assertNotNull(row.factor(), "depth " + depth + " " + optimizer + " must reach the target\n" + table);
                assertTrue(row.factor() > 1.5, "depth " + depth + " " + optimizer + " must beat depth 1\n" + table);
            }
        }
    }

    @Test
    void lp2DepthDoesNotReachTargetSooner() {
        // lr from 10^-0.25 to 1000: 14 of the 25 rates
        List<BestLrRow> rows = bestLrRows("linear-lp2.conf", Math.pow(10, -0.25), 6 * 14);
        String table = BestLearningRate.format(rows, BestLearningRate.varyingKeys(rows));
        assertNotNull(row(rows, 1, "gd").steps(), "depth-1 gd must reach the target\n" + table);
        for (String optimizer : new String[] {"gd", "e2e"}) {
            for (long depth = 2; depth <= 3; depth++) {
                BestLrRow row = row(rows, depth, optimizer);
                assertNotNull(row.factor(), "depth " + depth + " " + optimizer + " must reach the target\n" + table);
                assertTrue(row.factor() <= 1.0, "depth " + depth + " " + optimizer + " must not beat depth 1\n"
                        + table);
            }
        }
    }

    @Test
    void ethanolConfRunsOnShapedFile() throws IOException {
        Path file = EthanolShapedCsv.write(dir.resolve("ethanol.csv"), 5);
        List<Cell> cells = ConfCells.expand(Path.of("conf", "linear-ethanol.conf"),
                Map.of(LinearExperiment.DATA_PATH, file.toString(), LinearExperiment.STEPS, 20L),
                values -> values.get(LinearExperiment.DEPTH).equals(2L)
                        && LinearExperiment.GD.equals(values.get(LinearExperiment.OPTIMIZER))
                        && Double.valueOf(2.0).equals(values.get(LinearExperiment.P)));
        assertTrue(cells.size() > 1, "the conf must give depth-2 gd cells at p = 2");
        CellResult result = CellRunner.run(cells.get(0), 1);
        assertEquals(RunStatus.OK, result.status(), result.message());
        assertTrue(Double.isFinite(result.finalError()), "p = 2 on CSV data knows the least-squares optimum");
        assertTrue(result.finalLoss() < (Double) result.outcome().extras().get(LinearExperiment.INITIAL_LOSS));
    }
}
