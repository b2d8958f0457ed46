package org.depthsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;

/** Test helpers: parse sweeps from text or test resources, and check error messages. */
final class Sweeps {
    /** Source name of sweeps parsed from text. */
    static final String SOURCE = "test.conf";

    /** The registered kinds plus {@link FixtureExperiment}. */
    static final Map<String, Experiment> KINDS = Map.of(
            "toy", ExperimentRegistry.get("toy"),
            FixtureExperiment.NAME, new FixtureExperiment());

    private Sweeps() {
    }

    /** Parses a sweep from text with the given overrides. */
    static SweepSpec parse(String text, String... sets) {
        return SweepLoader.parse(text, SOURCE, List.of(sets), KINDS);
    }

    /** Returns the path of a test resource under {@code src/test/resources/sweeps}. */
    static Path resource(String name) {
        try {
            return Path.of(Sweeps.class.getResource("/sweeps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that parsing fails and returns the message. */
    static String rejected(String text, String... sets) {
        return assertThrows(SweepSpecException.class, () -> parse(text, sets)).getMessage();
    }

    /** Asserts that loading the resource {@code bad/NAME} fails and returns the message. */
    static String rejectedFile(String name) {
        Path file = resource("bad/" + name);
        return assertThrows(SweepSpecException.class, () -> SweepLoader.load(file, List.of())).getMessage();
    }

    /** Asserts, one fragment at a time, that a message contains each fragment. */
    static void assertMentions(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message lacks \"" + fragment + "\": " + message);
        }
    }

    /** Returns one parameter's value in each cell of a sweep, in cell order. */
    static List<Object> column(SweepSpec spec, String parameter) {
        List<Object> values = new ArrayList<>();
        for (Cell cell : spec.cells()) {
            values.add(cell.get(parameter));
        }
        return values;
    }

    /** Returns the cell ids of a sweep, in cell order. */
    static List<String> ids(SweepSpec spec) {
        List<String> ids = new ArrayList<>();
        for (Cell cell : spec.cells()) {
            ids.add(cell.cellId());
        }
        return ids;
    }
}
