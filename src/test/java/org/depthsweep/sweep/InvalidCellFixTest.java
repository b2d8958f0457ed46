package org.depthsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class InvalidCellFixTest {

    @Test
    void everyCellInvalidAsksForSettingFix() {
        // conf/mnist-lenet.conf leaves data.dir unset, so every cell of its grid is invalid.
        SweepSpecException e = assertThrows(SweepSpecException.class,
                () -> SweepLoader.load(Path.of("conf", "mnist-lenet.conf"), List.of()));

        assertTrue(e.getMessage().contains("data.dir is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("fix the setting that the message names"), e.getMessage());
        assertFalse(e.getMessage().contains("zip group"), e.getMessage());
    }

    @Test
    void someCellsInvalidSuggestsZipGroup() {
        // The scalar form exists only at depth 2, so the depth-3 cells of this grid are invalid.
        SweepSpecException e = assertThrows(SweepSpecException.class,
                () -> SweepLoader.load(Path.of("conf", "toy-lp.conf"), List.of("grid.depth=[2,3]", "form=scalar")));

        assertTrue(e.getMessage().contains("zip group"), e.getMessage());
    }
}
