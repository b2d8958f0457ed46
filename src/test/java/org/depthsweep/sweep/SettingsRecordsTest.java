package org.depthsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The fit and run settings records: defaults and the checks of their constructors. */
class SettingsRecordsTest {
    @Test
    void fitDefaults() {
        assertEquals(0.1, FitSettings.DEFAULTS.tailFraction());
        assertEquals(0.1, FitSettings.DEFAULTS.eps());
    }

    @Test
    void runDefaults() {
        assertEquals(0L, RunSettings.DEFAULTS.cellsPerTask());
        assertEquals(1L, RunSettings.DEFAULTS.maxAttempts());
        assertEquals(10.0, RunSettings.DEFAULTS.progressSeconds());
        assertEquals(100_000L, RunSettings.DEFAULTS.maxCells());
    }

    @Test
    void fitRejectsTailFractionOutsideOpenUnit() {
        assertThrows(IllegalArgumentException.class, () -> new FitSettings(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new FitSettings(1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new FitSettings(Double.NaN, 0.1));
    }

    @Test
    void fitRejectsNonPositiveEps() {
        assertThrows(IllegalArgumentException.class, () -> new FitSettings(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FitSettings(0.1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new FitSettings(0.1, Double.POSITIVE_INFINITY));
    }

    @Test
    void runRejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(-1, 1, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(0, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(0, 11, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(0, 1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(0, 1, 10, 0));
    }

    @Test
    void runAcceptsLimits() {
        RunSettings settings = new RunSettings(0, 10, 0.5, 1);
        assertEquals(10L, settings.maxAttempts());
    }
}
