package org.depthsweep.sweep;

import static org.depthsweep.sweep.Sweeps.assertMentions;
import static org.depthsweep.sweep.Sweeps.column;
import static org.depthsweep.sweep.Sweeps.ids;
import static org.depthsweep.sweep.Sweeps.parse;
import static org.depthsweep.sweep.Sweeps.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/** --set overrides: parameters collapse or create axes, other keys are set at their path, errors name the override. */
class SetOverrideTest {
    private static final String HEADER = "name = t\nexperiment = toy\n";
    private static final String FIXTURE = "name = f\nexperiment = fixture\n";

    @Test
    void collapsesTopLevelAxis() {
        SweepSpec spec = parse(HEADER + "p = [3, 4, 6]\nlr = [0.1, 0.2]\n", "p=4");
        assertEquals(2, spec.cells().size());
        assertEquals(List.of(4.0, 4.0), column(spec, "p"));
        assertEquals(List.of("lr"), spec.varyingParameters());
    }

    @Test
    void collapsesGridAxis() {
        SweepSpec spec = parse(HEADER + "grid { p = [3, 4, 6] }\n", "p=8");
        assertEquals(List.of(8.0), column(spec, "p"));
    }

    @Test
    void createsAxis() {
        SweepSpec spec = parse(HEADER + "p = 4\n", "p=[3,4]");
        assertEquals(List.of(3.0, 4.0), column(spec, "p"));
        assertEquals(List.of("p"), spec.varyingParameters());
    }

    @Test
    void replacesGridAxisWithRange() {
        SweepSpec spec = parse(HEADER + "grid { lr = [0.5] }\n", "lr={log=[1e-3,1e-1],count=3}");
        assertEquals(3, spec.cells().size());
        assertEquals(1e-3, spec.cells().get(0).getDouble("lr"));
    }

    @Test
    void removesZipMember() {
        SweepSpec spec = parse(HEADER + "zip = [ { lr = [0.01, 0.1], steps = [10, 20] } ]\n", "lr=0.05");
        assertEquals(List.of(0.05, 0.05), column(spec, "lr"));
        assertEquals(List.of(10L, 20L), column(spec, "steps"));
    }

    @Test
    void dropsEmptiedZipGroup() {
        SweepSpec spec = parse(HEADER + "zip = [ { lr = [0.01, 0.1], steps = [10, 20] } ]\n", "lr=0.05",
                "steps=30");
        assertEquals(1, spec.cells().size());
        assertFalse(spec.resolvedConfigText().contains("lr=["), spec.resolvedConfigText());
        assertFalse(spec.resolvedConfigText().contains("{}"), spec.resolvedConfigText());
    }

    @Test
    void appliedInOrder() {
        SweepSpec spec = parse(HEADER, "p=3", "p=[5,6]", "p=7");
        assertEquals(List.of(7.0), column(spec, "p"));
    }

    @Test
    void setsSweepSeed() {
        SweepSpec spec = parse(HEADER + "seed = 1\ngrid.seed = [1, 2]\n", "seed=9");
        assertEquals(9L, spec.seed());
        assertEquals(List.of(1L, 2L), column(spec, "seed"));
    }

    @Test
    void setsCellSeedAxis() {
        SweepSpec spec = parse(HEADER + "seed = 1\n", "grid.seed=[4,5,6]");
        assertEquals(1L, spec.seed());
        assertEquals(List.of(4L, 5L, 6L), column(spec, "seed"));
    }

    @Test
    void setsOtherPaths() {
        SweepSpec spec = parse(HEADER, "name=renamed", "fit.eps=0.2", "run.max_attempts=3");
        assertEquals("renamed", spec.name());
        assertEquals(0.2, spec.fit().eps());
        assertEquals(3L, spec.run().maxAttempts());
        assertEquals(FitSettings.DEFAULT_TAIL_FRACTION, spec.fit().tailFraction());
    }

    @Test
    void valueTypes() {
        SweepSpec spec = parse(HEADER, "init=small", "steps=1e6", "lr=1e-3", "target_error=null");
        Cell cell = spec.cells().get(0);
        assertEquals("small", cell.get("init"));
        assertEquals(1_000_000L, cell.get("steps"));
        assertEquals(1e-3, cell.get("lr"));
        assertEquals(null, cell.get("target_error"));
    }

    @Test
    void keyAndValueTrimmed() {
        SweepSpec spec = parse(HEADER, " p = 5 ");
        assertEquals(List.of(5.0), column(spec, "p"));
    }

    @Test
    void unknownParameter() {
        String message = rejected(HEADER, "lrr=0.1");
        assertMentions(message, "--set lrr=0.1: lrr = 0.1", "unknown key lrr at top level",
                "Fix: rename it to lr");
    }

    @Test
    void unknownNestedKeyNamesOverride() {
        String message = rejected(HEADER, "data.path=/x");
        assertMentions(message, "--set data.path=/x: data.path = \"/x\"", "unknown key data.path at top level");
    }

    @Test
    void invalidValueNamesOverride() {
        String message = rejected(HEADER + "p = [3, 4]\n", "p=0.5");
        assertMentions(message, "--set p=0.5: p = 0.5", "p must be > 1", "Fix: use a double > 1");
    }

    @Test
    void invalidSettingNamesOverride() {
        String message = rejected(HEADER, "fit.tail_fraction=2");
        assertMentions(message, "--set fit.tail_fraction=2: fit.tail_fraction = 2", "must be > 0 and < 1");
    }

    @Test
    void overrideAddsDuplicatePlacement() {
        String message = rejected(HEADER + "p = [3, 4]\n", "grid.p=[5,6]");
        assertMentions(message, "--set grid.p=[5,6]: grid.p = [5,6]", "also given as p (test.conf: line 3)");
    }

    @Test
    void missingEquals() {
        String message = rejected(HEADER, "p");
        assertMentions(message, "--set p: missing '='", "Fix: write it like --set lr=1e-3");
    }

    @Test
    void invalidKeyPath() {
        String message = rejected(HEADER, "fit..eps=0.1");
        assertMentions(message, "--set fit..eps=0.1: KEY \"fit..eps\" is not a valid HOCON path");
    }

    @Test
    void substitutionRejected() {
        String message = rejected(HEADER, "lr=${x}");
        assertMentions(message, "--set lr=${x}", "substitution", "Fix: write the value itself");
    }

    @Test
    void optionalSubstitutionRejected() {
        String message = rejected(HEADER, "p=${?HOME}");
        assertMentions(message, "--set p=${?HOME}", "optional ${?x} resolves to nothing",
                "Fix: write the value itself");
    }

    @Test
    void optionalSubstitutionInListRejected() {
        String message = rejected(HEADER, "p=[3, ${?HOME}]");
        assertMentions(message, "--set p=[3, ${?HOME}]", "substitution", "Fix: write the value itself");
    }

    @Test
    void quotedDollarBraceIsText() {
        SweepSpec spec = parse(FIXTURE, "data.dir=\"${HOME}/x\"");
        assertEquals("${HOME}/x", spec.cells().get(0).get("data.dir"));
    }

    @Test
    void numberWithCommentTakenAsString() {
        String message = rejected(HEADER, "lr=0.1 # note");
        assertMentions(message, "--set lr=0.1 # note: lr = \"0.1 # note\"", "lr must be a number, not a string");
    }

    @Test
    void unparsableValueTakenAsString() {
        SweepSpec spec = parse(FIXTURE, "data.dir={a");
        assertEquals("{a", spec.cells().get(0).get("data.dir"));
    }

    @Test
    void zipMemberOverrideKeepsOtherTuplesOnce() {
        String text = HEADER + "form = chain\nzip = [ { depth = [1, 2, 3, 1], init = [zero, zero, zero, small] } ]\n";
        SweepSpec spec = parse(text, "depth=[2,3]");
        assertEquals(4, spec.cells().size(), "depth 2 and 3 crossed with init zero and small");
        assertEquals(List.of(2L, 2L, 3L, 3L), column(spec, "depth"));
        assertEquals(List.of("zero", "small", "zero", "small"), column(spec, "init"));
    }

    @Test
    void unclosedListForNumberRejected() {
        String message = rejected(HEADER, "p=[3,4");
        assertMentions(message, "--set p=[3,4", "VALUE [3,4 is not a valid HOCON value", "List should have ended",
                "parameter p takes a double", "Fix: close every bracket");
    }

    @Test
    void unclosedObjectForNumberRejected() {
        String message = rejected(HEADER, "steps={a");
        assertMentions(message, "VALUE {a is not a valid HOCON value", "parameter steps takes a long");
    }

    @Test
    void pathValueTakenAsString() {
        SweepSpec spec = parse(FIXTURE, "data.dir=/x/y");
        assertEquals("/x/y", spec.cells().get(0).get("data.dir"));
    }

    @Test
    void commentLikeValueTakenAsString() {
        SweepSpec spec = parse(FIXTURE, "data.dir=//host/share#1");
        assertEquals("//host/share#1", spec.cells().get(0).get("data.dir"));
    }

    @Test
    void quotedValueKeepsHash() {
        SweepSpec spec = parse(FIXTURE, "data.dir=\"a#b\"");
        assertEquals("a#b", spec.cells().get(0).get("data.dir"));
    }

    @Test
    void dottedParameterReplacesNestedAxis() {
        SweepSpec spec = parse(FIXTURE + "grid { data { dir = [/a, /b] } }\n", "data.dir=/c");
        assertEquals(List.of("/c"), column(spec, "data.dir"));
        assertFalse(spec.resolvedConfigText().contains("/a"), spec.resolvedConfigText());
    }

    @Test
    void dottedParameterSpellings() {
        String nested = ids(parse(FIXTURE + "data { dir = /x, format = parquet }\n")).get(0);
        String dotted = ids(parse(FIXTURE + "data.dir = /x\ndata.format = parquet\n")).get(0);
        String quoted = ids(parse(FIXTURE + "\"data.dir\" = /x\ndata.format = parquet\n")).get(0);
        assertEquals(nested, dotted);
        assertEquals(nested, quoted);
    }

    @Test
    void dottedParameterAxis() {
        SweepSpec spec = parse(FIXTURE + "grid.data.dir = [/a, /b]\nzip = [ { data.format = [csv, parquet] } ]\n");
        assertEquals(List.of("/a", "/a", "/b", "/b"), column(spec, "data.dir"));
        assertEquals(List.of("csv", "parquet", "csv", "parquet"), column(spec, "data.format"));
    }

    @Test
    void dottedUnknownKeySuggested() {
        String message = rejected(FIXTURE + "data.dri = /x\n");
        assertMentions(message, "data.dri = \"/x\"", "unknown key data.dri", "Fix: rename it to data.dir");
    }

    @Test
    void booleanParameter() {
        SweepSpec spec = parse(FIXTURE + "shuffle = [false, true]\n");
        assertEquals(List.of(false, true), column(spec, "shuffle"));
    }

    @Test
    void booleanGivenWord() {
        String message = rejected(FIXTURE + "shuffle = yes\n");
        assertMentions(message, "shuffle = \"yes\"", "shuffle must be true or false, not a string",
                "Fix: write true or false without quotes");
    }

    @Test
    void overrideRoundTrip() {
        SweepSpec spec = parse(FIXTURE + "grid { data { dir = [/a, /b] } }\n", "data.dir=[/c, /d]", "shuffle=true");
        SweepSpec again = parse(spec.resolvedConfigText());
        assertEquals(ids(spec), ids(again));
        assertEquals(spec.configHash(), again.configHash());
    }
}
