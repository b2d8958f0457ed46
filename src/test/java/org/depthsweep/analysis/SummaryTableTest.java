package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

class SummaryTableTest {
    /** Medians of a few decimal inputs: only the rounding of one subtraction or average. */
    private static final double ROUNDING = 1e-12;
    private static final double EPS = 1e-3;

    private static CellAnalysis analysis(String id, SortedMap<String, Object> params, double slope,
                                         Double theory, Double factor, Double timeFactor, Double stepsToEps) {
        SlopeFit fit = new SlopeFit(SlopeFit.ERROR, slope, 0.01, 0.0, 100, 1000, 51, 0, theory,
                SlopeFitter.LAST_DECADE_WINDOW);
        AccelerationRow row = new AccelerationRow(id, null, EPS, stepsToEps, null, factor, null, null, timeFactor);
        return new CellAnalysis(id, params, fit, row);
    }

    private static SortedMap<String, Object> params(double p, long depth, String form, long seed) {
        Long width = "chain".equals(form) ? 2L : null;
        return AccelerationTest.params(p, depth, form, width, "zero", seed);
    }

    /**
     * Five groups. The p = 4, depth 2 group has an even count of factors, a NaN slope and a cell without an
     * acceleration row. The p = 2 group has no theory slope, and p = 10 and depth 10 check numeric order.
     */
    private static List<CellAnalysis> cells() {
        List<CellAnalysis> cells = new ArrayList<>();
        cells.add(analysis("a0", params(4, 1, "plain", 0), -0.51, -0.5, 1.0, 1.0, 900.0));
        cells.add(analysis("a1", params(4, 1, "plain", 1), -0.49, -0.5, 1.0, 1.0, 1000.0));
        cells.add(analysis("a2", params(4, 1, "plain", 2), -0.50, -0.5, 1.0, 1.0, 1100.0));
        cells.add(analysis("b0", params(4, 2, "scalar", 0), -0.60, -0.5, 4.0, 2.0, 225.0));
        cells.add(analysis("b1", params(4, 2, "scalar", 1), -0.40, -0.5, 2.0, 1.0, 500.0));
        cells.add(analysis("b2", params(4, 2, "scalar", 2), Double.NaN, -0.5, 3.0, null, 366.0));
        cells.add(analysis("b3", params(4, 2, "scalar", 3), -0.55, -0.5, 5.0, null, 220.0));
        cells.add(new CellAnalysis("b4", params(4, 2, "scalar", 4), new SlopeFit(SlopeFit.ERROR, -0.45, 0.01, 0.0,
                100, 1000, 51, 0, -0.5, SlopeFitter.LAST_DECADE_WINDOW), null));
        cells.add(analysis("c0", params(2, 1, "plain", 0), -7.0, null, 1.0, 1.0, 50.0));
        cells.add(analysis("d0", params(10, 1, "plain", 0), -0.125, -0.125, null, null, null));
        cells.add(analysis("e0", params(4, 10, "chain", 0), -0.3, -0.5, 0.5, 0.25, 1800.0));
        return cells;
    }

    @Test
    void rowsSortedByKeysNumerically() {
        SummaryTable table = new SummaryTable(cells());

        List<List<Object>> keys = new ArrayList<>();
        for (SummaryRow row : table.rows()) {
            keys.add(row.keyValues());
        }
        assertEquals(List.of(
                List.of(2.0, 1L, "plain", "zero"),
                List.of(4.0, 1L, "plain", "zero"),
                List.of(4.0, 2L, "scalar", "zero"),
                List.of(4.0, 10L, "chain", "zero"),
                List.of(10.0, 1L, "plain", "zero")), keys);
        assertEquals(SummaryTable.DEFAULT_KEYS, table.keys());
    }

    @Test
    void rowMediansOfOddGroup() {
        SummaryRow row = new SummaryTable(cells()).rows().get(1);

        assertEquals(3, row.count());
        assertEquals(-0.50, row.medianErrorSlope(), ROUNDING);
        assertEquals(0, row.nanSlopes());
        assertEquals(-0.5, row.theorySlope());
        assertEquals(0.01, row.medianSlopeDeviation(), ROUNDING);
        assertEquals(1.0, row.medianFactor());
        assertEquals(1.0, row.medianTimeFactor());
        assertEquals(3, row.reachedEps());
    }

    /** Slopes -0.60, -0.55, -0.45, -0.40 (b2 is NaN); factors 2, 3, 4, 5; time factors 1, 2. */
    @Test
    void rowMediansSkipNaNAndNull() {
        SummaryRow row = new SummaryTable(cells()).rows().get(2);

        assertEquals(5, row.count());
        assertEquals(1, row.nanSlopes());
        assertEquals(-0.50, row.medianErrorSlope(), ROUNDING);
        assertEquals(0.075, row.medianSlopeDeviation(), ROUNDING);
        assertEquals(3.5, row.medianFactor(), ROUNDING);
        assertEquals(1.5, row.medianTimeFactor(), ROUNDING);
        assertEquals(4, row.reachedEps(), "b4 has no acceleration row");
    }

    /**
     * f1 reached eps but has no factor because its partner never did, and f2 never reached eps. f4 has a time
     * factor but no step factor, which happens when a cell was at eps from step 0, its partner was not, and the
     * partner's wall_ms is 0. None of the three may count as reached or enter a median.
     */
    @Test
    void reachedCountsCellsOfFactorMedian() {
        List<CellAnalysis> cells = List.of(
                analysis("f0", params(6, 2, "scalar", 0), -0.25, -0.25, 2.0, 1.5, 400.0),
                analysis("f1", params(6, 2, "scalar", 1), -0.25, -0.25, null, null, 500.0),
                analysis("f2", params(6, 2, "scalar", 2), -0.25, -0.25, null, null, null),
                analysis("f3", params(6, 2, "scalar", 3), -0.25, -0.25, 4.0, null, 200.0),
                analysis("f4", params(6, 2, "scalar", 4), -0.25, -0.25, null, 1.0, 0.0));

        SummaryRow row = new SummaryTable(cells).rows().get(0);

        assertEquals(5, row.count());
        assertEquals(2, row.reachedEps());
        assertEquals(3.0, row.medianFactor(), ROUNDING);
        assertEquals(1.5, row.medianTimeFactor(), ROUNDING);
    }

    @Test
    void rowWithoutTheoryOrFactors() {
        List<SummaryRow> rows = new SummaryTable(cells()).rows();
        SummaryRow noTheory = rows.get(0);
        SummaryRow noFactors = rows.get(4);

        assertNull(noTheory.theorySlope());
        assertTrue(Double.isNaN(noTheory.medianSlopeDeviation()));
        assertEquals(-7.0, noTheory.medianErrorSlope());
        assertNull(noFactors.medianFactor());
        assertNull(noFactors.medianTimeFactor());
        assertEquals(0, noFactors.reachedEps());
    }

    @Test
    void rowOfOnlyNaNSlopes() {
        List<CellAnalysis> cells = List.of(analysis("x", params(4, 1, "plain", 0), Double.NaN, -0.5, null, null,
                null));

        SummaryRow row = new SummaryTable(cells).rows().get(0);

        assertTrue(Double.isNaN(row.medianErrorSlope()));
        assertTrue(Double.isNaN(row.medianSlopeDeviation()));
        assertEquals(1, row.nanSlopes());
        assertEquals(-0.5, row.theorySlope());
    }

    /** Grouped by p alone, the p = 4 group mixes depths: theory is still -0.5 and deviations are per cell. */
    @Test
    void rowsGroupedByCustomKeys() {
        SummaryTable table = new SummaryTable(cells(), List.of("p"));

        assertEquals(3, table.rows().size());
        SummaryRow p4 = table.rows().get(1);
        assertEquals(List.of(4.0), p4.keyValues());
        assertEquals(9, p4.count());
        assertEquals(-0.5, p4.theorySlope());
        assertEquals(1, p4.nanSlopes());
        // slopes -0.6, -0.55, -0.51, -0.5, -0.49, -0.45, -0.4, -0.3; the middle two are -0.5 and -0.49
        assertEquals(-0.495, p4.medianErrorSlope(), ROUNDING);
    }

    @Test
    void rowsGroupMissingKeyAsNull() {
        SummaryTable table = new SummaryTable(cells(), List.of("width", "depth"));

        assertEquals(Arrays.asList(null, 1L), table.rows().get(0).keyValues());
        assertEquals(Arrays.asList(null, 2L), table.rows().get(1).keyValues());
        assertEquals(List.of(2L, 10L), table.rows().get(2).keyValues());
        SummaryTable byMissing = new SummaryTable(cells(), List.of("no_such_key"));
        assertEquals(1, byMissing.rows().size());
        assertEquals(11, byMissing.rows().get(0).count());
    }

    /**
     * Numeric key columns and value columns are right-aligned and text key columns left-aligned. The expected
     * values were checked by hand against the medians in the tests above.
     */
    @Test
    void formatAlignsColumns() {
        String expected = String.join("\n",
                "   p  depth  form    init  cells  slope_med  slope_nan   theory  dev_med  factor_med  "
                        + "time_factor_med  reached",
                " 2.0      1  plain   zero      1    -7.0000          0        -        -        1.00  "
                        + "           1.00        1",
                " 4.0      1  plain   zero      3    -0.5000          0  -0.5000   0.0100        1.00  "
                        + "           1.00        3",
                " 4.0      2  scalar  zero      5    -0.5000          1  -0.5000   0.0750        3.50  "
                        + "           1.50        4",
                " 4.0     10  chain   zero      1    -0.3000          0  -0.5000   0.2000       0.500  "
                        + "          0.250        1",
                "10.0      1  plain   zero      1    -0.1250          0  -0.1250   0.0000           -  "
                        + "              -        0",
                "");

        assertEquals(expected, new SummaryTable(cells()).format());
    }

    @Test
    void formatOfEmptyTable() {
        String text = new SummaryTable(List.of()).format();

        assertEquals("p  depth  form  init  cells  slope_med  slope_nan  theory  dev_med  factor_med  "
                + "time_factor_med  reached\n", text);
    }

    @Test
    void formatShowsNullKeysAsDash() {
        String[] lines = new SummaryTable(cells(), List.of("width")).format().split("\n");

        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("    -     10"), lines[1]);
        assertTrue(lines[2].startsWith("    2      1"), lines[2]);
    }

    /**
     * Cell z9 stores p as the long 4, which groups with p = 4.0. The group shows the key of its first cell by id,
     * a0, so the text stays "4.0" in every order.
     */
    @Test
    void tableIndependentOfInputOrder() {
        List<CellAnalysis> cells = new ArrayList<>(cells());
        SortedMap<String, Object> longP = params(4, 1, "plain", 9);
        longP.put("p", 4L);
        cells.add(analysis("z9", longP, -0.5, -0.5, 1.0, 1.0, 1000.0));
        SummaryTable reference = new SummaryTable(cells);
        assertEquals(4.0, reference.rows().get(1).keyValues().get(0));
        assertEquals(4, reference.rows().get(1).count());

        Random random = new Random(11L);
        for (int trial = 0; trial < 10; trial++) {
            List<CellAnalysis> shuffled = new ArrayList<>(cells);
            Collections.shuffle(shuffled, random);
            SummaryTable table = new SummaryTable(shuffled);
            assertEquals(reference.format(), table.format(), "shuffle " + trial);
            assertEquals(reference.rows(), table.rows(), "shuffle " + trial);
        }
    }

    @Test
    void tableRejectsBadInputs() {
        List<CellAnalysis> duplicated = new ArrayList<>(cells());
        duplicated.add(cells().get(0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SummaryTable(duplicated));
        assertTrue(e.getMessage().contains("a0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SummaryTable(cells(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SummaryTable(cells(), List.of("p", "p")));
    }

    @Test
    void cellAnalysisRejectsMismatches() {
        SlopeFit lossFit = new SlopeFit(SlopeFit.LOSS, -2, 0.01, 0, 100, 1000, 51, 0, -2.0, "last_decade");
        SlopeFit errorFit = new SlopeFit(SlopeFit.ERROR, -0.5, 0.01, 0, 100, 1000, 51, 0, -0.5, "last_decade");
        AccelerationRow otherCell = new AccelerationRow("y", null, EPS, null, null, null, null, null, null);

        assertThrows(IllegalArgumentException.class, () -> new CellAnalysis("x", params(4, 1, "plain", 0), lossFit,
                null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CellAnalysis("x", params(4, 1, "plain", 0), errorFit, otherCell));
        assertTrue(e.getMessage().contains("y"), e.getMessage());
    }

    @Test
    void recordsSurviveSerialization() throws Exception {
        SummaryTable table = new SummaryTable(cells(), List.of("width", "p"));

        assertEquals(cells().get(3), AccelerationTest.roundTrip(cells().get(3)));
        assertEquals(table.rows(), ((SummaryTable) AccelerationTest.roundTrip(table)).rows());
        assertEquals(table.format(), ((SummaryTable) AccelerationTest.roundTrip(table)).format());
    }
}
