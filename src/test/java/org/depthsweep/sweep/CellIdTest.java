package org.depthsweep.sweep;

import static org.depthsweep.sweep.Sweeps.ids;
import static org.depthsweep.sweep.Sweeps.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Cell ids and derived seeds: stable, independent of how the file is written, and sensitive to every value. */
class CellIdTest {
    private static final String HEADER = "name = t\nexperiment = toy\n";

    /** A chain cell, so that normalization keeps width and form as given. */
    private static final String CHAIN_CELL = HEADER + "depth = 3\nform = chain\nwidth = 3\n";

    private static Cell onlyCell(String text, String... sets) {
        List<Cell> cells = parse(text, sets).cells();
        assertEquals(1, cells.size(), "cells of " + text);
        return cells.get(0);
    }

    @Test
    void idsStableAcrossLoads() {
        SweepSpec first = SweepLoader.load(Sweeps.resource("toy-lp.conf"), List.of());
        SweepSpec second = SweepLoader.load(Sweeps.resource("toy-lp.conf"), List.of());
        assertEquals(ids(first), ids(second));
    }

    @Test
    void numberSpellingsEqual() {
        String four = onlyCell(HEADER + "p = 4\n").cellId();
        assertEquals(four, onlyCell(HEADER + "p = 4.0\n").cellId());
        assertEquals(four, onlyCell(HEADER + "p = 4e0\n").cellId());
        assertEquals(four, onlyCell(HEADER + "p = 0.4e1\n").cellId());
    }

    @Test
    void longWrittenAsExponent() {
        Cell cell = onlyCell(HEADER + "steps = 1e7\n");
        assertEquals(10_000_000L, cell.get("steps"));
        assertEquals(onlyCell(HEADER + "steps = 10000000\n").cellId(), cell.cellId());
    }

    @Test
    void defaultEqualsExplicitDefault() {
        assertEquals(onlyCell(HEADER).cellId(), onlyCell(HEADER + "p = 4\nlr = 0.01\n").cellId());
    }

    @Test
    void idsIgnoreAxisOrder() {
        SweepSpec ab = parse(HEADER + "grid {\n  p = [3, 4]\n  lr = [0.1, 0.2]\n}\n");
        SweepSpec ba = parse(HEADER + "grid {\n  lr = [0.1, 0.2]\n  p = [3, 4]\n}\n");
        assertEquals(ids(ab), ids(ba));
    }

    @Test
    void idsIgnoreKeyOrder() {
        SweepSpec first = parse("name = t\nexperiment = toy\nseed = 5\ninit = small\np = [3, 4]\n"
                + "zip = [ { lr = [0.1, 0.2], steps = [10, 20] } ]\n");
        SweepSpec second = parse("zip = [ { steps = [10, 20], lr = [0.1, 0.2] } ]\np = [3, 4]\ninit = small\n"
                + "seed = 5\nexperiment = toy\nname = t\n");
        assertEquals(ids(first), ids(second));
    }

    @Test
    void idsIgnoreWherePlaced() {
        Set<String> topLevel = new HashSet<>(ids(parse(HEADER + "p = [3, 4]\n")));
        Set<String> inGrid = new HashSet<>(ids(parse(HEADER + "grid { p = [3, 4] }\n")));
        Set<String> inZip = new HashSet<>(ids(parse(HEADER + "zip = [ { p = [3, 4] } ]\n")));
        assertEquals(topLevel, inGrid);
        assertEquals(topLevel, inZip);
    }

    @Test
    void everyParameterChangesId() {
        String base = onlyCell(CHAIN_CELL).cellId();
        Map<String, String> changes = Map.ofEntries(
                Map.entry("p", "p=5"),
                Map.entry("lr", "lr=0.02"),
                Map.entry("depth", "depth=4"),
                Map.entry("form", "form=scalar"),
                Map.entry("width", "width=4"),
                Map.entry("init", "init=small"),
                Map.entry("init_scale", "init_scale=0.02"),
                Map.entry("seed", "grid.seed=1"),
                Map.entry("steps", "steps=10"),
                Map.entry("y1", "y1=2"),
                Map.entry("y2", "y2=0.25"),
                Map.entry("target_error", "target_error=1e-3"),
                Map.entry("divergence_factor", "divergence_factor=1e5"),
                Map.entry("points_per_decade", "points_per_decade=10"));
        Set<String> covered = new HashSet<>(changes.keySet());
        for (ParamSpec spec : Sweeps.KINDS.get("toy").parameters()) {
            assertTrue(covered.contains(spec.name()), "no change listed for parameter " + spec.name());
        }
        for (Map.Entry<String, String> change : changes.entrySet()) {
            // form scalar needs depth 2, so that change also sets depth.
            String[] sets = change.getKey().equals("form")
                    ? new String[] {"depth=2", change.getValue()} : new String[] {change.getValue()};
            assertNotEquals(base, onlyCell(CHAIN_CELL, sets).cellId(), "id unchanged by --set " + change.getValue());
        }
    }

    @Test
    void sweepSeedChangesId() {
        assertNotEquals(onlyCell(HEADER + "seed = 1\n").cellId(), onlyCell(HEADER + "seed = 2\n").cellId());
    }

    /**
     * Pins the id and derived seed of one cell, so that a change to the hashing or to the toy defaults is deliberate.
     * Both values were checked outside Java: the first 16 hex digits of SHA-256 over the canonical text that
     * {@link CellIds#cellId} documents, and the first 8 bytes, big-endian, of SHA-256 over
     * {@code "depthsweep-seed\n20180101\n1\n"}.
     */
    @Test
    void goldenId() {
        Cell cell = onlyCell(HEADER + "seed = 20180101\np = 4\nlr = 0.01\ndepth = 2\ngrid.seed = 1\n");
        assertEquals("1226d6d712d0b828", cell.cellId());
        assertEquals(925237747973057706L, cell.derivedSeed());
    }

    @Test
    void derivedSeedSharedAcrossLearningRates() {
        List<Cell> cells = parse(HEADER + "grid {\n  seed = [1, 2]\n  lr = [0.1, 0.2]\n}\n").cells();
        // Order: lr is the outer axis and seed the inner one, so cells are (0.1, 1), (0.1, 2), (0.2, 1), (0.2, 2).
        assertEquals(4, cells.size());
        assertEquals(cells.get(0).derivedSeed(), cells.get(2).derivedSeed());
        assertEquals(cells.get(1).derivedSeed(), cells.get(3).derivedSeed());
        assertNotEquals(cells.get(0).derivedSeed(), cells.get(1).derivedSeed());
        assertNotEquals(cells.get(0).cellId(), cells.get(2).cellId());
    }

    @Test
    void sweepSeedChangesDerivedSeed() {
        long first = onlyCell(HEADER + "seed = 1\ngrid.seed = 3\n").derivedSeed();
        long second = onlyCell(HEADER + "seed = 2\ngrid.seed = 3\n").derivedSeed();
        assertNotEquals(first, second);
        assertEquals(CellIds.derivedSeed(1, 3), first);
    }
}
