package org.depthsweep.sweep;

import static org.depthsweep.sweep.Sweeps.assertMentions;
import static org.depthsweep.sweep.Sweeps.rejectedFile;

import org.junit.jupiter.api.Test;

/** Malformed sweep files under src/test/resources/sweeps/bad: each must fail with the file, key, value and fix. */
class SweepFileErrorTest {
    @Test
    void syntaxErrorNamesLine() {
        String message = rejectedFile("syntax.conf");
        assertMentions(message, "syntax.conf: line ", "invalid HOCON syntax", "Fix: correct the syntax");
    }

    @Test
    void missingName() {
        String message = rejectedFile("missing-name.conf");
        assertMentions(message, "missing-name.conf", "name is missing", "output folder", "Fix: add a line such as "
                + "name = toy-lp");
    }

    @Test
    void nameWithParentFolder() {
        String message = rejectedFile("bad-name.conf");
        assertMentions(message, "bad-name.conf: line 1", "name = \"../outside\"", "not contain \"..\"",
                "folder name", "Fix: use letters, digits");
    }

    @Test
    void unknownExperiment() {
        String message = rejectedFile("unknown-experiment.conf");
        assertMentions(message, "unknown-experiment.conf: line 2", "experiment = \"toyy\"", "unknown experiment",
                "Fix: use toy");
    }

    @Test
    void unknownTopLevelKey() {
        String message = rejectedFile("unknown-key.conf");
        assertMentions(message, "unknown-key.conf: line 3", "lrr = 0.1", "unknown key lrr at top level",
                "Fix: rename it to lr");
    }

    @Test
    void exponentNotAboveOne() {
        String message = rejectedFile("p-too-small.conf");
        assertMentions(message, "p-too-small.conf: line 5", "grid.p = 1", "p must be > 1",
                "exponent of the l_p loss", "Fix: use a double > 1");
    }

    @Test
    void scalarFormAtDepthThree() {
        String message = rejectedFile("scalar-at-depth-3.conf");
        assertMentions(message, "scalar-at-depth-3.conf", "depth=3", "form=scalar", "form 'scalar' needs depth 2",
                "invalid cells: 1 of 2", "Fix: change the values");
    }

    @Test
    void zipListsOfUnequalLength() {
        String message = rejectedFile("zip-unequal.conf");
        assertMentions(message, "zip-unequal.conf: line 4", "zip[0] = ", "equal lengths", "lr has 2 values",
                "steps has 3", "Fix: give every list in zip[0] the same number of values");
    }

    @Test
    void axisAtTopLevelAndInGrid() {
        String message = rejectedFile("axis-twice.conf");
        assertMentions(message, "axis-twice.conf: line 5", "grid.p = [6,8]", "also given as p",
                "axis-twice.conf: line 3", "Fix: keep one of p and grid.p");
    }

    @Test
    void unknownInitChoice() {
        String message = rejectedFile("unknown-init.conf");
        assertMentions(message, "unknown-init.conf: line 3", "init = \"smal\"", "init must be one of zero, small, "
                + "balanced", "Fix: use small (the closest allowed value)");
    }

    @Test
    void quotedNumber() {
        String message = rejectedFile("wrong-type.conf");
        assertMentions(message, "wrong-type.conf: line 3", "lr = \"0.1\"", "lr must be a number, not a string",
                "Fix: write a number without quotes");
    }

    @Test
    void rangeWithoutCount() {
        String message = rejectedFile("range-without-count.conf");
        assertMentions(message, "range-without-count.conf: line 4", "grid.lr = {\"log\":[0.001,0.1]}",
                "count is missing", "Fix: add count");
    }
}
