package org.depthsweep.sweep;

import static org.depthsweep.sweep.Sweeps.assertMentions;
import static org.depthsweep.sweep.Sweeps.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed sweeps given as text: each must fail with the source, key, value, rule and fix. */
class SweepTextErrorTest {
    private static final String HEADER = "name = t\nexperiment = toy\n";

    @Test
    void missingExperiment() {
        String message = rejected("name = t\np = 4\n");
        assertMentions(message, "test.conf: experiment is missing", "Fix: add a line such as experiment = toy");
    }

    @Test
    void nameTooLong() {
        String name = "a".repeat(101);
        String message = rejected("name = " + name + "\nexperiment = toy\n");
        assertMentions(message, "test.conf: line 1", "name = \"" + name + "\"", "at most 100 characters");
    }

    @Test
    void nameWithSlash() {
        String message = rejected("name = \"a/b\"\nexperiment = toy\n");
        assertMentions(message, "name = \"a/b\"", "[A-Za-z0-9][A-Za-z0-9._-]*", "Fix: use letters");
    }

    @Test
    void unknownKeyInGrid() {
        String message = rejected(HEADER + "grid {\n  detph = [1, 2]\n}\n");
        assertMentions(message, "test.conf: line 4", "grid.detph = [1,2]", "unknown key detph in grid",
                "Fix: rename it to depth");
    }

    @Test
    void unknownKeyInZip() {
        String message = rejected(HEADER + "zip = [ { lr = [0.1, 0.2], stepz = [1, 2] } ]\n");
        assertMentions(message, "test.conf: line 3", "zip[0].stepz = [1,2]", "unknown key stepz in zip[0]",
                "Fix: rename it to steps");
    }

    @Test
    void unknownKeyInFit() {
        String message = rejected(HEADER + "fit { epsilon = 0.1 }\n");
        assertMentions(message, "test.conf: line 3", "fit.epsilon = 0.1", "unknown key epsilon in fit",
                "Fix: remove it or use a known key: tail_fraction, eps");
    }

    @Test
    void unknownKeyInRun() {
        String message = rejected(HEADER + "run { max_attempt = 3 }\n");
        assertMentions(message, "test.conf: line 3", "run.max_attempt = 3", "unknown key max_attempt in run",
                "Fix: rename it to max_attempts");
    }

    @Test
    void longWithFraction() {
        String message = rejected(HEADER + "steps = 1.5\n");
        assertMentions(message, "test.conf: line 3", "steps = 1.5", "steps must be an integer",
                "Fix: write a whole number");
    }

    @Test
    void stringGivenNumber() {
        String message = rejected(HEADER + "init = 3\n");
        assertMentions(message, "init = 3", "init must be a string, not a number", "Fix: write the value in "
                + "double quotes");
    }

    @Test
    void nullForNonNullable() {
        String message = rejected(HEADER + "lr = null\n");
        assertMentions(message, "test.conf: line 3", "lr = null", "lr must not be null",
                "Fix: use a double > 0, or remove the key to use the default 0.01");
    }

    @Test
    void nullForNullableAccepted() {
        SweepSpec spec = Sweeps.parse(HEADER + "target_error = [null, 1e-3]\n");
        assertNull(spec.cells().get(0).get("target_error"));
        assertEquals(1e-3, spec.cells().get(1).getDouble("target_error"));
    }

    @Test
    void zeroLearningRate() {
        String message = rejected(HEADER + "lr = [0.1, 0]\n");
        assertMentions(message, "test.conf: line 3", "lr = 0", "lr must be > 0", "Fix: use a double > 0");
    }

    @Test
    void negativeSteps() {
        String message = rejected(HEADER + "steps = -5\n");
        assertMentions(message, "steps = -5", "steps must be >= 0", "Fix: use a long >= 0");
    }

    @Test
    void infiniteLearningRate() {
        String message = rejected(HEADER + "lr = 1e400\n");
        assertMentions(message, "test.conf: line 3", "lr = Infinity", "lr must be a finite number");
    }

    @Test
    void notANumberWord() {
        String message = rejected(HEADER + "y1 = NaN\n");
        assertMentions(message, "y1 = \"NaN\"", "y1 must be a finite number", "Fix: use a finite double");
    }

    @Test
    void unknownForm() {
        String message = rejected(HEADER + "grid { form = [plain, chian] }\n");
        assertMentions(message, "grid.form = \"chian\"", "form must be one of plain, scalar, chain",
                "Fix: use chain (the closest allowed value)");
    }

    @Test
    void depthAboveLimit() {
        String message = rejected(HEADER + "depth = 1001\nform = chain\n");
        assertMentions(message, "depth = 1001", "depth must be <= 1000", "Fix: use a long >= 1 and <= 1000");
    }

    @Test
    void emptyAxis() {
        String message = rejected(HEADER + "grid { p = [] }\n");
        assertMentions(message, "test.conf: line 3", "grid.p = []", "an axis needs at least one value",
                "remove the key to use the default 4.0");
    }

    @Test
    void axisInGridAndZip() {
        String message = rejected(HEADER + "grid { lr = [0.1, 0.2] }\nzip = [ { lr = [0.3], steps = [5] } ]\n");
        assertMentions(message, "test.conf: line 4", "zip[0].lr = [0.3]", "also given as grid.lr",
                "test.conf: line 3", "Fix: keep one of grid.lr and zip[0].lr");
    }

    @Test
    void axisInTwoZipGroups() {
        String message = rejected(HEADER + "zip = [\n  { lr = [0.1, 0.2], steps = [1, 2] }\n"
                + "  { lr = [0.3, 0.4], depth = [1, 2] }\n]\n");
        assertMentions(message, "test.conf: line 5", "zip[1].lr = [0.3,0.4]", "also given as zip[0].lr",
                "Fix: keep one of zip[0].lr and zip[1].lr");
    }

    @Test
    void fixedValueAndGridAxis() {
        String message = rejected(HEADER + "lr = 0.1\ngrid { lr = [0.2, 0.3] }\n");
        assertMentions(message, "test.conf: line 4", "grid.lr = [0.2,0.3]", "also given as lr (test.conf: line 3)",
                "fixed or swept in one place only");
    }

    @Test
    void dottedAndNestedSameParameter() {
        String message = Sweeps.rejected("name = t\nexperiment = fixture\ndata.dir = /a\n"
                + "grid { data { dir = [/b, /c] } }\n");
        assertMentions(message, "grid.data.dir = [\"/b\",\"/c\"]", "also given as data.dir");
    }

    @Test
    void rangeCountZero() {
        String message = rejected(HEADER + "grid { lr = { log = [1e-3, 1e-1], count = 0 } }\n");
        assertMentions(message, "grid.lr.count = 0", "count must be an integer >= 2", "Fix: use count = 2 or more");
    }

    @Test
    void rangeCountOneUnequalEnds() {
        String message = rejected(HEADER + "grid { lr = { linear = [0.1, 0.2], count = 1 } }\n");
        assertMentions(message, "grid.lr.count = 1", "or 1 when both ends are equal", "but the ends are 0.1 and 0.2");
    }

    @Test
    void logRangeNonPositiveEnd() {
        String message = rejected(HEADER + "grid { init_scale = { log = [0, 0.1], count = 3 } }\n");
        assertMentions(message, "grid.init_scale.log = [0,0.1]", "both ends of a log range must be > 0",
                "Fix: use positive ends, or a linear range");
    }

    @Test
    void rangeUnknownKey() {
        String message = rejected(HEADER + "grid { lr = { lgo = [1e-3, 1e-1], count = 3 } }\n");
        assertMentions(message, "grid.lr.lgo = [0.001,0.1]", "unknown key lgo in a range object",
                "Fix: rename it to log");
    }

    @Test
    void rangeWithBothKinds() {
        String message = rejected(HEADER + "grid { lr = { log = [1e-3, 1e-1], linear = [1, 2], count = 3 } }\n");
        assertMentions(message, "grid.lr = ", "exactly one of log = [from, to] and linear = [from, to]");
    }

    @Test
    void rangeEndsNotTwoNumbers() {
        String message = rejected(HEADER + "grid { lr = { linear = [0.1, 0.2, 0.3], count = 3 } }\n");
        assertMentions(message, "grid.lr.linear = [0.1,0.2,0.3]", "a list of two finite numbers [from, to]");
    }

    @Test
    void rangeOnStringParameter() {
        String message = rejected(HEADER + "grid { init = { linear = [1, 2], count = 2 } }\n");
        assertMentions(message, "grid.init = ", "only allowed for double and long parameters", "init is a string",
                "Fix: list the values instead");
    }

    @Test
    void longRangeRoundsToRepeats() {
        String message = rejected(HEADER + "grid { steps = { linear = [1, 3], count = 5 } }\n");
        assertMentions(message, "grid.steps = ", "steps gives the value 2 more than once",
                "round to the same integer, so lower count or widen the range");
    }

    @Test
    void doubleRangeWithEqualEnds() {
        String message = rejected(HEADER + "lr = { log = [0.01, 0.01], count = 3 }\n");
        assertMentions(message, "lr = ", "lr gives the value 0.01 more than once",
                "Fix: the range's ends are equal, so all its points are equal. Use count = 1 or different ends");
    }

    @Test
    void longRangeWithEqualEnds() {
        String message = rejected(HEADER + "grid { steps = { linear = [5, 5], count = 2 } }\n");
        assertMentions(message, "grid.steps = ", "steps gives the value 5 more than once",
                "Fix: the range's ends are equal");
    }

    @Test
    void rangePointOutOfBounds() {
        String message = rejected(HEADER + "grid { p = { linear = [0.5, 3], count = 3 } }\n");
        assertMentions(message, "grid.p = 0.5 (point 1 of { linear = [0.5, 3.0], count = 3 })", "p must be > 1");
    }

    @Test
    void longRangeBeyondLongRange() {
        String message = rejected(HEADER + "grid { seed = { linear = [0, 1e19], count = 2 } }\n");
        assertMentions(message, "grid.seed = 1.0E19 (point 2 of", "seed must be an integer in the 64-bit long range",
                "Fix: narrow the range");
    }

    @Test
    void repeatedListValue() {
        String message = rejected(HEADER + "p = [4, 4.0]\n");
        assertMentions(message, "p = [4,4]", "p gives the value 4.0 more than once", "Fix: remove the repeated value");
    }

    @Test
    void repeatedZipPair() {
        String message = rejected(HEADER + "zip = [ { lr = [0.1, 0.1], p = [3, 3.0] } ]\n");
        assertMentions(message, "test.conf: line 3", "zip[0] = { lr = [0.1,0.1], p = [3,3] }",
                "zip[0] gives the pair (lr = 0.1, p = 3.0) more than once", "Fix: remove the repeated pair");
    }

    @Test
    void repeatedZipPairAmongOthers() {
        String message = rejected(HEADER + "zip = [ { steps = [10, 20, 10], lr = [0.1, 0.2, 0.1] } ]\n");
        assertMentions(message, "zip[0] gives the pair (lr = 0.1, steps = 10) more than once");
    }

    @Test
    void zipValueRepeatedWithOtherPartner() {
        SweepSpec spec = Sweeps.parse(HEADER + "zip = [ { lr = [0.1, 0.1], p = [3, 4] } ]\n");
        assertEquals(2, spec.cells().size());
    }

    @Test
    void gridNotAnObject() {
        String message = rejected(HEADER + "grid = [1, 2]\n");
        assertMentions(message, "test.conf: line 3", "grid = [1,2]", "grid must be an object",
                "Fix: write grid { p = [3, 4] }");
    }

    @Test
    void zipNotAList() {
        String message = rejected(HEADER + "zip { lr = [0.1, 0.2], steps = [1, 2] }\n");
        assertMentions(message, "zip = {", "zip must be a list of objects", "Fix: write zip = [ {");
    }

    @Test
    void zipElementNotAnObject() {
        String message = rejected(HEADER + "zip = [ [0.1, 0.2] ]\n");
        assertMentions(message, "zip[0] = [0.1,0.2]", "zip must be a list of objects");
    }

    @Test
    void zipMemberNotAList() {
        String message = rejected(HEADER + "zip = [ { lr = 0.1, steps = [1, 2] } ]\n");
        assertMentions(message, "zip[0].lr = 0.1", "must be a list or a range", "move lr out of the zip group");
    }

    @Test
    void emptyZipGroup() {
        String message = rejected(HEADER + "zip = [ {} ]\n");
        assertMentions(message, "zip[0] = {}", "needs at least one parameter", "Fix: remove the empty group");
    }

    @Test
    void gridAboveCellLimit() {
        String axis = "{ log = [1e-3, 1e3], count = 1000 }";
        String message = rejected(HEADER + "grid { lr = " + axis + ", init_scale = " + axis + ", y1 = " + axis
                + ", y2 = " + axis + " }\n");
        assertMentions(message, "the grid has 1000000000000 cells", "init_scale 1000 x lr 1000 x y1 1000 x y2 1000",
                "more than the limit of 2000000", "Fix: remove axes or values");
    }

    @Test
    void gridSizeOverflowingLong() {
        StringBuilder grid = new StringBuilder("grid {\n");
        for (String name : List.of("lr", "init_scale", "y1", "y2", "divergence_factor", "p", "target_error")) {
            grid.append(name).append(" = { log = [2, 1e9], count = 1000000 }\n");
        }
        String message = rejected(HEADER + grid + "}\n");
        assertMentions(message, "the grid has 1000000000000000000000000000000000000000000 cells",
                "more than the limit of 2000000");
    }

    @Test
    void seedGivenList() {
        String message = rejected(HEADER + "seed = [1, 2]\n");
        assertMentions(message, "seed = [1,2]", "top-level seed is the sweep seed", "write grid.seed = [1, 2, 3]");
    }

    @Test
    void tailFractionOutOfRange() {
        String message = rejected(HEADER + "fit { tail_fraction = 1 }\n");
        assertMentions(message, "fit.tail_fraction = 1", "must be > 0 and < 1", "Fix: use a fraction such as 0.1");
    }

    @Test
    void maxAttemptsAboveTen() {
        String message = rejected(HEADER + "run { max_attempts = 11 }\n");
        assertMentions(message, "run.max_attempts = 11", "must be an integer from 1 to 10");
    }

    @Test
    void fitNotAnObject() {
        String message = rejected(HEADER + "fit = 0.1\n");
        assertMentions(message, "fit = 0.1", "fit must be an object", "Fix: write fit { tail_fraction = ... }");
    }

    @Test
    void descriptionNotAString() {
        String message = rejected(HEADER + "description = [a, b]\n");
        assertMentions(message, "description = [\"a\",\"b\"]", "description must be a string");
    }

    @Test
    void unresolvedSubstitution() {
        String message = rejected(HEADER + "lr = ${HOME}\n");
        assertMentions(message, "test.conf: line 3", "unresolved substitution", "${HOME}",
                "environment variables and system properties are not read");
    }

    @Test
    void optionalSubstitutionResolvingToNothing() {
        for (String line : List.of("p = ${?NOPE}", "p = [3, ${?NOPE}]", "grid { p = ${?NOPE} }",
                "p = 4\np = ${?NOPE}")) {
            String message = rejected(HEADER + line + "\n");
            assertMentions(message, "test.conf", "${?NOPE} resolves to nothing",
                    "environment variables and system properties are not read", "Fix: write the value itself");
        }
    }

    @Test
    void optionalSubstitutionWithinFile() {
        SweepSpec spec = Sweeps.parse(HEADER + "y1 = 0.25\ny2 = ${?y1}\n");
        assertEquals(0.25, spec.cells().get(0).getDouble("y2"));
    }

    @Test
    void appendToUndefinedList() {
        SweepSpec spec = Sweeps.parse(HEADER + "p += 3\np += 4\n");
        assertEquals(2, spec.cells().size());
    }

    @Test
    void substitutionWithinFile() {
        SweepSpec spec = Sweeps.parse(HEADER + "y1 = 0.25\ny2 = ${y1}\n");
        assertEquals(0.25, spec.cells().get(0).getDouble("y2"));
    }

    @Test
    void fileNotFound(@TempDir Path folder) {
        Path missing = folder.resolve("absent.conf");
        String message = assertThrows(SweepSpecException.class, () -> SweepLoader.load(missing, List.of()))
                .getMessage();
        assertMentions(message, "absent.conf: sweep file not found", "Fix: check the path");
    }
}
