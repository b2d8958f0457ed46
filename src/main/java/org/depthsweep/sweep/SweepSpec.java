package org.depthsweep.sweep;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An expanded sweep: its settings and its cells, checked and ready to run. Built by {@link SweepLoader} and immutable.
 */
public final class SweepSpec {
    private final String name;
    private final String experiment;
    private final long seed;
    private final String description;
    private final String source;
    private final List<Cell> cells;
    private final String resolvedConfigText;
    private final String configHash;
    private final FitSettings fit;
    private final RunSettings run;
    private final List<String> varyingParameters;

    SweepSpec(String name, String experiment, long seed, String description, String source, List<Cell> cells,
              String resolvedConfigText, FitSettings fit, RunSettings run) {
        this.name = Objects.requireNonNull(name, "name");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.seed = seed;
        this.description = description;
        this.source = Objects.requireNonNull(source, "source");
        this.cells = List.copyOf(cells);
        this.resolvedConfigText = Objects.requireNonNull(resolvedConfigText, "resolvedConfigText");
        this.configHash = CellIds.sha256Hex(resolvedConfigText);
        this.fit = Objects.requireNonNull(fit, "fit");
        this.run = Objects.requireNonNull(run, "run");
        this.varyingParameters = findVarying(this.cells);
    }

    /** Sweep name, a valid folder name: {@code [A-Za-z0-9][A-Za-z0-9._-]*}, at most 100 characters, no "..". */
    public String name() {
        return name;
    }

    /** Name of the experiment kind, a key of {@code ExperimentRegistry}. */
    public String experiment() {
        return experiment;
    }

    /** Sweep seed: with each cell's {@code seed} parameter it decides the cell's random draws. */
    public long seed() {
        return seed;
    }

    /** Returns the sweep's free-text description, when the file gives one. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Returns where the sweep came from, as error messages name it: the file path, or the name given to the parser. */
    public String source() {
        return source;
    }

    /**
     * Returns the distinct cells in grid order: the outer product of the axes and zip groups sorted by name (a zip group by
     * its first member name), with the last varying fastest. Each cell has every declared parameter, defaults filled
     * in and normalized by the experiment. Of cells with equal ids, only the first is kept.
     */
    public List<Cell> cells() {
        return cells;
    }

    /**
     * Returns the sweep after --set overrides, with substitutions resolved, rendered as HOCON without comments. Keys are in
     * sorted order. Loading this text without overrides gives the same cells.
     */
    public String resolvedConfigText() {
        return resolvedConfigText;
    }

    /** SHA-256 of {@link #resolvedConfigText()}, as 64 lowercase hex digits. */
    public String configHash() {
        return configHash;
    }

    /** Analysis settings from the {@code fit} block, with defaults for keys not given. */
    public FitSettings fit() {
        return fit;
    }

    /** Driver settings from the {@code run} block, with defaults for keys not given. */
    public RunSettings run() {
        return run;
    }

    /**
     * Returns the names of the parameters whose value is not the same in every cell, sorted. Normalization counts, so an
     * axis over depth 1 and 2 also lists {@code form} when normalization sets it to {@code plain} at depth 1.
     */
    public List<String> varyingParameters() {
        return varyingParameters;
    }

    private static List<String> findVarying(List<Cell> cells) {
        SortedSet<String> varying = new TreeSet<>();
        if (cells.isEmpty()) {
            return List.of();
        }
        Cell first = cells.get(0);
        for (Cell cell : cells) {
            for (String parameter : cell.values().keySet()) {
                boolean same = first.values().containsKey(parameter)
                        && CellIds.canonical(first.values().get(parameter)).equals(
                        CellIds.canonical(cell.values().get(parameter)));
                if (!same) {
                    varying.add(parameter);
                }
            }
        }
        return List.copyOf(varying);
    }

    @Override
    public String toString() {
        return "sweep " + name + " (" + experiment + ", " + cells.size() + " cells, from " + source + ")";
    }
}
