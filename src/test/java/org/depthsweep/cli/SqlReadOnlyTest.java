package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlReadOnlyTest {

    @Test
    void selectIsAccepted() {
        assertDoesNotThrow(() -> SqlCommand.requireReadOnly("SELECT count(*) FROM runs"));
        assertDoesNotThrow(() -> SqlCommand.requireReadOnly("WITH r AS (SELECT * FROM runs) SELECT * FROM r"));
    }

    @Test
    void writeInsideWithNamesKeyword() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlCommand.requireReadOnly(
                "WITH r AS (SELECT * FROM runs) INSERT OVERWRITE DIRECTORY '/tmp/x' SELECT * FROM r"));

        assertTrue(e.getMessage().contains("got a query that contains 'INSERT'"), e.getMessage());
    }

    @Test
    void writingStatementNamesItsVerb() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlCommand.requireReadOnly("drop table runs"));

        assertTrue(e.getMessage().contains("got 'drop'"), e.getMessage());
    }

    @Test
    void emptyQueryIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlCommand.requireReadOnly("  "));

        assertTrue(e.getMessage().contains("got an empty query"), e.getMessage());
    }
}
