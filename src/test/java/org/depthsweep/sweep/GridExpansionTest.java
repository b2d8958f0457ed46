package org.depthsweep.sweep;

import static org.depthsweep.sweep.Sweeps.ids;
import static org.depthsweep.sweep.Sweeps.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Expansion of axes, zip groups and ranges into cells, their order, de-duplication and the resolved text. */
class GridExpansionTest {
    private static final String HEADER = "name = t\nexperiment = toy\n";

    private static List<Object> column(SweepSpec spec, String parameter) {
        List<Object> values = new ArrayList<>();
        for (Cell cell : spec.cells()) {
            values.add(cell.get(parameter));
        }
        return values;
    }

    private static void assertRelativelyClose(double expected, double actual, double tolerance) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                () -> "expected " + expected + " within relative " + tolerance + ", got " + actual);
    }

    @Test
    void exampleFileLoads() {
        SweepSpec spec = SweepLoader.load(Sweeps.resource("toy-lp.conf"), List.of());
        assertEquals("toy-lp", spec.name());
        assertEquals("toy", spec.experiment());
        assertEquals(20180101L, spec.seed());
        assertEquals(Optional.of("Depth 1 and 2 on the two-point l_p problem"), spec.description());
        assertTrue(spec.source().endsWith("toy-lp.conf"), spec.source());
        assertEquals(4 * 2 * 3 * 2, spec.cells().size());
        assertEquals(new FitSettings(0.2, 0.05), spec.fit());
        assertEquals(new RunSettings(4, 2, 30, RunSettings.DEFAULT_MAX_CELLS), spec.run());
        assertEquals(List.of("depth", "form", "lr", "p", "seed", "steps"), spec.varyingParameters());
        assertEquals(64, spec.configHash().length());
    }

    @Test
    void productSize() {
        SweepSpec spec = parse(HEADER + "p = [3, 4, 6, 8]\ngrid {\n  depth = [1, 2]\n"
                + "  lr = { log = [1e-3, 1e-1], count = 3 }\n}\n");
        assertEquals(24, spec.cells().size());
        assertEquals(24, new HashSet<>(ids(spec)).size());
    }

    @Test
    void lastAxisVariesFastest() {
        // Axes sorted by name: depth, lr, p; so p varies fastest and depth slowest.
        SweepSpec spec = parse(HEADER + "p = [3, 4]\ngrid {\n  lr = [0.1, 0.2]\n  depth = [1, 2]\n}\n");
        assertEquals(List.of(3.0, 4.0, 3.0, 4.0, 3.0, 4.0, 3.0, 4.0), column(spec, "p"));
        assertEquals(List.of(0.1, 0.1, 0.2, 0.2, 0.1, 0.1, 0.2, 0.2), column(spec, "lr"));
        assertEquals(List.of(1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L), column(spec, "depth"));
    }

    @Test
    void listOrderKept() {
        SweepSpec spec = parse(HEADER + "p = [8, 3, 4]\n");
        assertEquals(List.of(8.0, 3.0, 4.0), column(spec, "p"));
    }

    @Test
    void zipPairsValues() {
        SweepSpec spec = parse(HEADER + "zip = [ { lr = [0.01, 0.1], steps = [1e7, 1e6] } ]\n");
        assertEquals(List.of(0.01, 0.1), column(spec, "lr"));
        assertEquals(List.of(10_000_000L, 1_000_000L), column(spec, "steps"));
    }

    @Test
    void zipGroupSortedByFirstMember() {
        // The zip group's key is lr (its first member by name), which sorts before p and after depth.
        SweepSpec spec = parse(HEADER + "p = [3, 4]\ndepth = [1, 2]\nform = chain\n"
                + "zip = [ { steps = [10, 20], lr = [0.1, 0.2] } ]\n");
        assertEquals(8, spec.cells().size());
        assertEquals(List.of(1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L), column(spec, "depth"));
        assertEquals(List.of(0.1, 0.1, 0.2, 0.2, 0.1, 0.1, 0.2, 0.2), column(spec, "lr"));
        assertEquals(List.of(10L, 10L, 20L, 20L, 10L, 10L, 20L, 20L), column(spec, "steps"));
        assertEquals(List.of(3.0, 4.0, 3.0, 4.0, 3.0, 4.0, 3.0, 4.0), column(spec, "p"));
    }

    @Test
    void logRangeExact() {
        SweepSpec spec = parse(HEADER + "grid { lr = { log = [1e-3, 1e-1], count = 3 } }\n");
        List<Object> lr = column(spec, "lr");
        assertEquals(3, lr.size());
        assertEquals(1e-3, (double) lr.get(0));
        assertRelativelyClose(1e-2, (double) lr.get(1), 1e-15);
        assertEquals(1e-1, (double) lr.get(2));
    }

    @Test
    void logRangeDescending() {
        SweepSpec spec = parse(HEADER + "grid { lr = { log = [1, 1e-4], count = 5 } }\n");
        List<Object> lr = column(spec, "lr");
        double[] expected = {1, 1e-1, 1e-2, 1e-3, 1e-4};
        for (int i = 0; i < expected.length; i++) {
            assertRelativelyClose(expected[i], (double) lr.get(i), 1e-15);
        }
        assertEquals(1e-4, (double) lr.get(4));
    }

    @Test
    void linearRangeExact() {
        SweepSpec spec = parse(HEADER + "grid { init_scale = { linear = [0.0, 0.1], count = 3 } }\n");
        assertEquals(List.of(0.0, 0.05, 0.1), column(spec, "init_scale"));
    }

    @Test
    void rangeOfOnePoint() {
        SweepSpec spec = parse(HEADER + "grid { lr = { log = [0.5, 0.5], count = 1 } }\n");
        assertEquals(List.of(0.5), column(spec, "lr"));
    }

    @Test
    void longLogRangeRounded() {
        SweepSpec spec = parse(HEADER + "grid { steps = { log = [10, 1e4], count = 4 } }\n");
        assertEquals(List.of(10L, 100L, 1000L, 10000L), column(spec, "steps"));
    }

    @Test
    void longLinearRangeRounded() {
        SweepSpec spec = parse(HEADER + "form = chain\ngrid { depth = { linear = [2, 5], count = 3 } }\n");
        assertEquals(List.of(2L, 4L, 5L), column(spec, "depth"));
    }

    @Test
    void normalizedDuplicatesDropped() {
        // At depth 1 normalization sets form plain, so (1, scalar) and (1, chain) are one cell.
        SweepSpec spec = parse(HEADER + "grid {\n  depth = [1, 2]\n  form = [scalar, chain]\n}\n");
        assertEquals(3, spec.cells().size());
        assertEquals(List.of("plain", "scalar", "chain"), column(spec, "form"));
        assertEquals(List.of(1L, 2L, 2L), column(spec, "depth"));
        assertNull(spec.cells().get(0).get("width"));
        assertEquals(2L, spec.cells().get(2).get("width"));
    }

    @Test
    void axesListVaryingParameters() {
        SweepSpec spec = parse(HEADER + "p = [3, 4]\nlr = [0.1]\ngrid { depth = [2] }\n");
        assertEquals(List.of("p"), spec.varyingParameters());
    }

    @Test
    void singleCellHasNoAxes() {
        SweepSpec spec = parse(HEADER);
        assertEquals(1, spec.cells().size());
        assertEquals(List.of(), spec.varyingParameters());
    }

    @Test
    void defaultsFilled() {
        Cell cell = parse(HEADER).cells().get(0);
        for (ParamSpec parameter : Sweeps.KINDS.get("toy").parameters()) {
            assertTrue(cell.values().containsKey(parameter.name()), "cell lacks " + parameter.name());
        }
        assertEquals(4.0, cell.getDouble("p"));
        assertEquals("plain", cell.getString("form"));
    }

    @Test
    void resolvedTextRoundTrip() {
        SweepSpec spec = SweepLoader.load(Sweeps.resource("toy-lp.conf"), List.of("p=[3,5]", "fit.eps=0.3"));
        SweepSpec again = SweepLoader.parse(spec.resolvedConfigText(), "sweep.conf", List.of());
        assertEquals(ids(spec), ids(again));
        assertEquals(spec.configHash(), again.configHash());
        assertEquals(spec.fit(), again.fit());
        assertEquals(spec.run(), again.run());
        assertEquals(spec.name(), again.name());
        assertEquals(spec.seed(), again.seed());
        assertEquals(spec.description(), again.description());
    }

    @Test
    void resolvedTextRoundTripRanges() {
        SweepSpec spec = parse(HEADER + "grid {\n  lr = { log = [1e-5, 0.3], count = 7 }\n"
                + "  y1 = { linear = [-1e20, 1.7e-9], count = 4 }\n}\n");
        SweepSpec again = parse(spec.resolvedConfigText());
        assertEquals(ids(spec), ids(again));
    }

    @Test
    void resolvedTextHasNoComments() {
        SweepSpec spec = SweepLoader.load(Sweeps.resource("toy-lp.conf"), List.of());
        assertFalse(spec.resolvedConfigText().contains("#"), spec.resolvedConfigText());
        assertTrue(spec.resolvedConfigText().contains("name=toy-lp"), spec.resolvedConfigText());
    }

    @Test
    void configHashIgnoresKeyOrder() {
        SweepSpec first = parse(HEADER + "p = 4\nlr = 0.1\n");
        SweepSpec second = parse("lr = 0.1\np = 4\n" + HEADER);
        assertEquals(first.resolvedConfigText(), second.resolvedConfigText());
        assertEquals(first.configHash(), second.configHash());
        assertEquals(CellIds.sha256Hex(first.resolvedConfigText()), first.configHash());
    }

    @Test
    void configHashChangesWithValue() {
        assertNotEquals(parse(HEADER + "p = 4\n").configHash(), parse(HEADER + "p = 5\n").configHash());
    }
}
