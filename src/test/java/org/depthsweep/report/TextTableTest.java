package org.depthsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Rendering of report tables and printing of parameter values. */
class TextTableTest {
    private static final TextTable TABLE = new TextTable("Title", "Note.", List.of("name", "value"),
            List.of(false, true), List.of(List.of("a|b", "1.5"), List.of("<x & y>", "-")));

    @Test
    void markdownEscapesPipes() {
        assertEquals("| name | value |\n| --- | ---: |\n| a\\|b | 1.5 |\n| <x & y> | - |\n", TABLE.markdown());
    }

    @Test
    void htmlEscapesMarkup() {
        assertEquals("<table>\n<thead><tr><th>name</th><th class=\"num\">value</th></tr></thead>\n<tbody>\n"
                + "<tr><td>a|b</td><td class=\"num\">1.5</td></tr>\n"
                + "<tr><td>&lt;x &amp; y&gt;</td><td class=\"num\">-</td></tr>\n</tbody>\n</table>\n", TABLE.html());
    }

    @Test
    void rowOfWrongLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("T", "N", List.of("a", "b"),
                List.of(false, false), List.of(List.of("only one"))));
    }

    @Test
    void valuesPrintWithoutNoise() {
        assertEquals("3", ReportFormat.value(3.0));
        assertEquals("0.0001", ReportFormat.value(1e-4));
        assertEquals("0.1", ReportFormat.value(0.1));
        assertEquals("12", ReportFormat.value(12L));
        assertEquals("-", ReportFormat.value(null));
        assertEquals("-", ReportFormat.slope(Double.NaN));
        assertEquals("[-0.5100, -0.4900]", ReportFormat.interval(-0.51, -0.49, 4));
        assertEquals("-", ReportFormat.interval(null, 1.0, 4));
        assertEquals("100..200", ReportFormat.stepRange(100L, 200L));
        assertEquals("100", ReportFormat.stepRange(100L, 100L));
    }

    @Test
    void slugIsFileNameSafe() {
        Map<String, Object> group = new TreeMap<>(Map.of("p", 3.0, "init", "a b/c"));
        assertEquals("p3-inita_b_c", ReportFormat.slug(group, List.of("p", "init")));
    }

    @Test
    void numbersSortByValueAcrossTypes() {
        List<Object> values = Arrays.asList("zero", 10L, null, 2.5, true);
        values.sort(ReportFormat.VALUE_ORDER);
        assertEquals(Arrays.asList(null, true, 2.5, 10L, "zero"), values);
    }
}
