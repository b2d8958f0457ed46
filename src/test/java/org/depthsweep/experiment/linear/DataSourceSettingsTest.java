package org.depthsweep.experiment.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.depthsweep.sweep.SweepLoader;
import org.depthsweep.sweep.SweepSpec;
import org.depthsweep.sweep.SweepSpecException;
import org.junit.jupiter.api.Test;

/**
 * The CSV settings are read only when data.source = csv and the synthetic settings only when data.source = synthetic.
 * A sweep that writes one of them where no cell reads it must fail when it loads, naming the place it was written.
 */
class DataSourceSettingsTest {
    private static final Path LP4 = Path.of("conf", "linear-lp4.conf");
    private static final Path ETHANOL = Path.of("conf", "linear-ethanol.conf");

    /** An override for each CSV setting, with a valid value. data.header = true is its default. */
    private static final Map<String, String> CSV_OVERRIDES = Map.of(
            "data.path", "/nonexistent.csv",
            "data.target", "zzz",
            "data.header", "true",
            "data.standardize", "false",
            "data.whiten", "true",
            "data.standardize_targets", "true");

    /** An override for each synthetic setting, with a valid value. */
    private static final Map<String, String> SYNTHETIC_OVERRIDES = Map.of(
            "data.samples", "300",
            "data.features", "10",
            "data.outputs", "2",
            "data.condition", "5",
            "data.noise", "0.1",
            "data.seed", "3");

    private static final String HEADER = "name = t\nexperiment = linear\nsteps = 10\n";

    private static String rejected(Path file, String... sets) {
        return assertThrows(SweepSpecException.class, () -> SweepLoader.load(file, List.of(sets))).getMessage();
    }

    private static String rejectedText(String text, String... sets) {
        return assertThrows(SweepSpecException.class, () -> SweepLoader.parse(text, "test.conf", List.of(sets)))
                .getMessage();
    }

    private static void assertMentions(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message lacks \"" + fragment + "\": " + message);
        }
    }

    private static Set<String> readOnlyWhen(String source) {
        Set<String> names = new HashSet<>();
        for (ParamSpec spec : new LinearExperiment().parameters()) {
            ParamSpec.ReadCondition condition = spec.readCondition();
            if (condition != null && condition.equals(new ParamSpec.ReadCondition(LinearExperiment.DATA_SOURCE,
                    source))) {
                names.add(spec.name());
            }
        }
        return names;
    }

    @Test
    void csvOverrideOnSyntheticRejected() {
        for (Map.Entry<String, String> entry : CSV_OVERRIDES.entrySet()) {
            String set = entry.getKey() + "=" + entry.getValue();
            String message = rejected(LP4, set);
            assertMentions(message, "--set " + set + ": " + entry.getKey() + " = ",
                    entry.getKey() + " is read only when data.source = csv, and every cell has data.source = "
                            + "synthetic",
                    "Fix: set data.source = csv, or drop this override.");
        }
    }

    @Test
    void csvPathOverrideMessage() {
        String message = rejected(LP4, "data.path=/nonexistent.csv");
        assertEquals("--set data.path=/nonexistent.csv: data.path = \"/nonexistent.csv\": data.path is read only "
                + "when data.source = csv, and every cell has data.source = synthetic. Fix: set data.source = csv, "
                + "or drop this override.", message);
    }

    @Test
    void csvSettingInSyntheticFileRejected() {
        String message = rejectedText(HEADER + "data {\n  source = synthetic\n  path = \"x.csv\"\n}\n");
        assertMentions(message, "test.conf: line 6: data.path = \"x.csv\": data.path is read only when "
                + "data.source = csv", "Fix: set data.source = csv, or remove data.path or set it to null.");
    }

    @Test
    void defaultValueWrittenStillRejected() {
        String message = rejectedText(HEADER + "data.header = true\n");
        assertMentions(message, "test.conf: line 4: data.header = true: data.header is read only when "
                + "data.source = csv");
    }

    @Test
    void syntheticOverrideOnCsvRejected() {
        for (Map.Entry<String, String> entry : SYNTHETIC_OVERRIDES.entrySet()) {
            String set = entry.getKey() + "=" + entry.getValue();
            String message = rejected(ETHANOL, set);
            assertMentions(message, "--set " + set + ": " + entry.getKey() + " = " + entry.getValue() + ": ",
                    entry.getKey() + " is read only when data.source = synthetic, and every cell has "
                            + "data.source = csv",
                    "Fix: set data.source = synthetic, or drop this override.");
        }
    }

    @Test
    void syntheticSettingInCsvFileRejected() {
        String message = rejectedText(HEADER + "data {\n  source = csv\n  path = x.csv\n  target = y\n"
                + "  samples = 300\n}\n");
        assertMentions(message, "test.conf: line 8: data.samples = 300: data.samples is read only when "
                + "data.source = synthetic, and every cell has data.source = csv",
                "Fix: set data.source = synthetic, or remove data.samples or set it to null.");
    }

    @Test
    void sourceOverrideLeavesFileSettingsUnread() {
        String message = rejected(LP4, "data.source=csv", "data.path=x.csv", "data.target=y");
        assertMentions(message, "conf/linear-lp4.conf: line ", "data.source = synthetic, and every cell has "
                + "data.source = csv");
    }

    @Test
    void mixedSourceGridAccepted() {
        SweepSpec spec = SweepLoader.parse(HEADER + "grid.data.source = [csv, synthetic]\ndata.path = x.csv\n"
                + "data.target = y\ndata.samples = 300\n", "test.conf", List.of());
        assertEquals(2, spec.cells().size());
        for (Cell cell : spec.cells()) {
            if (LinearExperiment.CSV.equals(cell.getString(LinearExperiment.DATA_SOURCE))) {
                assertEquals("x.csv", cell.get(LinearExperiment.DATA_PATH));
                assertNull(cell.get(LinearExperiment.DATA_SAMPLES));
            } else {
                assertNull(cell.get(LinearExperiment.DATA_PATH));
                assertEquals(300L, cell.get(LinearExperiment.DATA_SAMPLES));
            }
        }
    }

    @Test
    void mixedSourceOverrideAccepted() {
        SweepSpec spec = SweepLoader.load(LP4, List.of("data.source=[csv,synthetic]", "data.path=x.csv",
                "data.target=y", "lr=0.1"));
        assertEquals(20, spec.cells().size());
    }

    @Test
    void declarationsMatchNormalize() {
        assertEquals(Set.copyOf(LinearExperiment.CSV_SETTINGS), readOnlyWhen(LinearExperiment.CSV));
        assertEquals(Set.copyOf(LinearExperiment.SYNTHETIC_SETTINGS), readOnlyWhen(LinearExperiment.SYNTHETIC));
    }

    @Test
    void shippedLinearConfsLoad() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(Path.of("conf"))) {
            listing.filter(file -> file.getFileName().toString().matches("linear-.*\\.conf")).sorted()
                    .forEach(files::add);
        }
        assertFalse(files.isEmpty(), "no linear-*.conf file in conf");
        for (Path file : files) {
            SweepSpec spec = SweepLoader.load(file, List.of());
            assertTrue(spec.cells().size() > 0, file + " has no cells");
        }
    }
}
