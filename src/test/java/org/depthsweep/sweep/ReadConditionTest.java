package org.depthsweep.sweep;

import static org.depthsweep.sweep.Sweeps.assertMentions;
import static org.depthsweep.sweep.Sweeps.column;
import static org.depthsweep.sweep.Sweeps.parse;
import static org.depthsweep.sweep.Sweeps.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Parameters declared with {@link ParamSpec#readOnlyWhen}: the fixture's parquet.row_group_mb is read only when
 * data.format = parquet, and its default format is csv. A written value that no cell reads must fail at the place it
 * was written.
 */
class ReadConditionTest {
    private static final String FIXTURE = "name = f\nexperiment = fixture\n";
    private static final String RULE = "parquet.row_group_mb is read only when data.format = parquet";

    @Test
    void overrideWithoutConditionRejected() {
        String message = rejected(FIXTURE, "parquet.row_group_mb=64");
        assertMentions(message, "--set parquet.row_group_mb=64: parquet.row_group_mb = 64: " + RULE,
                "every cell has data.format = csv",
                "Fix: set data.format = parquet, or drop this override.");
    }

    @Test
    void fileValueWithoutConditionRejected() {
        String message = rejected(FIXTURE + "data.format = csv\nparquet.row_group_mb = 64\n");
        assertMentions(message, "test.conf: line 4: parquet.row_group_mb = 64: " + RULE,
                "every cell has data.format = csv",
                "Fix: set data.format = parquet, or remove parquet.row_group_mb or set it to null.");
    }

    @Test
    void nestedBlockValueRejected() {
        String message = rejected(FIXTURE + "parquet {\n  row_group_mb = 64\n}\n");
        assertMentions(message, "test.conf: line 4: parquet.row_group_mb = 64: " + RULE);
    }

    @Test
    void unreadAxisRejected() {
        String message = rejected(FIXTURE + "grid { parquet.row_group_mb = [64, 256] }\n");
        assertMentions(message, "test.conf: line 3: grid.parquet.row_group_mb = [64,256]: " + RULE,
                "every cell has data.format = csv");
    }

    @Test
    void unreadZipMemberRejected() {
        String message = rejected(FIXTURE + "zip = [ { parquet.row_group_mb = [64, 256], rate = [1, 2] } ]\n");
        assertMentions(message, "test.conf: line 3: zip[0].parquet.row_group_mb = [64,256]: " + RULE,
                "every cell has data.format = csv");
    }

    @Test
    void readWhenConditionHolds() {
        SweepSpec spec = parse(FIXTURE + "data.format = parquet\nparquet.row_group_mb = 64\n");
        assertEquals(List.of(64.0), column(spec, "parquet.row_group_mb"));
    }

    @Test
    void conditionFromOverrideReadsFileValue() {
        SweepSpec spec = parse(FIXTURE + "parquet.row_group_mb = 64\n", "data.format=parquet");
        assertEquals(List.of(64.0), column(spec, "parquet.row_group_mb"));
    }

    @Test
    void overrideOfConditionLeavesFileValueUnread() {
        String message = rejected(FIXTURE + "data.format = parquet\nparquet.row_group_mb = 64\n",
                "data.format=csv");
        assertMentions(message, "test.conf: line 4: parquet.row_group_mb = 64: " + RULE,
                "every cell has data.format = csv");
    }

    @Test
    void mixedConditionAxisAccepted() {
        SweepSpec spec = parse(FIXTURE + "grid { data.format = [csv, parquet] }\nparquet.row_group_mb = 64\n");
        assertEquals(2, spec.cells().size());
        assertEquals(List.of("csv", "parquet"), column(spec, "data.format"));
        assertEquals(Arrays.asList(null, 64.0), column(spec, "parquet.row_group_mb"));
    }

    @Test
    void mixedConditionInZipAccepted() {
        SweepSpec spec = parse(FIXTURE + "zip = [ { data.format = [csv, parquet], rate = [1, 2] } ]\n"
                + "grid.parquet.row_group_mb = [64, 256]\n");
        // normalize clears the row group size of the csv cells, so their two cells are one.
        assertEquals(3, spec.cells().size());
        assertEquals(Arrays.asList(null, 64.0, 256.0), column(spec, "parquet.row_group_mb"));
    }

    @Test
    void nullValueAccepted() {
        SweepSpec spec = parse(FIXTURE + "parquet.row_group_mb = null\n");
        assertNull(spec.cells().get(0).get("parquet.row_group_mb"));
    }

    @Test
    void nullOverrideAccepted() {
        SweepSpec spec = parse(FIXTURE + "parquet.row_group_mb = 64\n", "parquet.row_group_mb=null");
        assertNull(spec.cells().get(0).get("parquet.row_group_mb"));
    }

    @Test
    void zipPairingUnreadValueRejected() {
        String message = rejected(FIXTURE + "zip = [ {\n  data.format = [csv, parquet]\n"
                + "  parquet.row_group_mb = [\n    64,\n    256\n  ]\n} ]\n");
        assertMentions(message, "test.conf: line 6: zip[0].parquet.row_group_mb = 64: " + RULE,
                "no cell with this value has data.format = parquet",
                "Fix: pair this value with data.format = parquet, or write null in its place.");
    }

    @Test
    void zipPairingWithNullAccepted() {
        SweepSpec spec = parse(FIXTURE + "zip = [ { data.format = [csv, parquet], "
                + "parquet.row_group_mb = [null, 256] } ]\n");
        assertEquals(Arrays.asList(null, 256.0), column(spec, "parquet.row_group_mb"));
    }

    @Test
    void zipRangePointUnreadRejected() {
        String message = rejected(FIXTURE + "zip = [ { data.format = [parquet, csv], "
                + "parquet.row_group_mb = { log = [10, 1000], count = 2 } } ]\n");
        assertMentions(message, "zip[0].parquet.row_group_mb = 1000.0 (point 2 of { log = [10.0, 1000.0], "
                + "count = 2 })", "no cell with this value has data.format = parquet");
    }

    @Test
    void defaultValueNeedsNoCondition() {
        SweepSpec spec = parse(FIXTURE + "rate = [1, 2]\n");
        assertEquals(2, spec.cells().size());
    }
}
