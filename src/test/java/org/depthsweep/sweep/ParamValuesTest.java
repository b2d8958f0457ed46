package org.depthsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;

import org.junit.jupiter.api.Test;

/** Conversion of single HOCON values, integral numbers and the "did you mean" hints. */
class ParamValuesTest {
    private static final SpecErrors ERRORS = new SpecErrors("values.conf", List.of());

    private static ConfigValue hocon(String text) {
        return ConfigFactory.parseString("v = " + text, ConfigParseOptions.defaults()
                .setOriginDescription("values.conf")).root().get("v");
    }

    private static Object convert(ParamSpec spec, String text) {
        return ParamValues.convert(spec, hocon(text), spec.name(), ERRORS);
    }

    private static void assertContains(String message, String fragment) {
        assertTrue(message.contains(fragment), () -> "message lacks \"" + fragment + "\": " + message);
    }

    @Test
    void integralAcceptsWholeDoubles() {
        assertEquals(10_000_000L, ParamValues.integral(hocon("1e7")));
        assertEquals(-3L, ParamValues.integral(hocon("-3.0")));
        assertEquals(Long.MAX_VALUE, ParamValues.integral(hocon("9223372036854775807")));
    }

    @Test
    void integralRejectsFractionsAndOverflow() {
        assertNull(ParamValues.integral(hocon("1.5")));
        assertNull(ParamValues.integral(hocon("9.3e18")));
        assertNull(ParamValues.integral(hocon("1e400")));
        assertNull(ParamValues.integral(hocon("\"3\"")));
    }

    @Test
    void booleanConverted() {
        ParamSpec spec = ParamSpec.ofBoolean("flag", false, "a switch");
        assertEquals(true, convert(spec, "true"));
        assertEquals(false, convert(spec, "false"));
    }

    @Test
    void booleanRejectsNumber() {
        ParamSpec spec = ParamSpec.ofBoolean("flag", false, "a switch");
        String message = assertThrows(SweepSpecException.class, () -> convert(spec, "1")).getMessage();
        assertContains(message, "values.conf: line 1: flag = 1");
        assertContains(message, "flag must be true or false, not a number");
    }

    @Test
    void stringKeepsText() {
        ParamSpec spec = ParamSpec.ofString("dir", "/d", "a folder");
        assertEquals("a b", convert(spec, "a b"));
        assertEquals("", convert(spec, "\"\""));
    }

    @Test
    void doubleFromInteger() {
        ParamSpec spec = ParamSpec.ofDouble("x", 1.0, "a number");
        assertEquals(3.0, convert(spec, "3"));
    }

    @Test
    void doubleRejectsNestedList() {
        ParamSpec spec = ParamSpec.ofDouble("x", 1.0, "a number");
        String message = assertThrows(SweepSpecException.class, () -> convert(spec, "[1, 2]")).getMessage();
        assertContains(message, "x = [1,2]");
        assertContains(message, "x must be a number, not a list");
        assertContains(message, "Fix: give one double here");
    }

    @Test
    void nullableAcceptsNull() {
        ParamSpec spec = ParamSpec.ofDouble("x", 1.0, "a number").orNull();
        assertNull(convert(spec, "null"));
    }

    @Test
    void levenshteinDistances() {
        assertEquals(0, Suggestions.levenshtein("lr", "lr"));
        assertEquals(1, Suggestions.levenshtein("lrr", "lr"));
        assertEquals(2, Suggestions.levenshtein("inti", "init"));
        assertEquals(3, Suggestions.levenshtein("", "abc"));
        assertEquals(3, Suggestions.levenshtein("kitten", "sitting"));
    }

    @Test
    void closestNeedsSmallDistance() {
        assertEquals("steps", Suggestions.closest("stepz", List.of("p", "steps", "seed")).orElseThrow());
        assertFalse(Suggestions.closest("x", List.of("p", "lr")).isPresent());
        assertFalse(Suggestions.closest("learning_rate", List.of("lr", "p")).isPresent());
    }
}
