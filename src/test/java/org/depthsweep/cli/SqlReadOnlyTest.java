package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlReadOnlyTest {

    @Test
    void selectIsAccepted() {
        assertDoesNotThrow(() -> SqlCommand.requireReadOnly("SELECT count(*) FROM runs"));
        assertDoesNotThrow(() -> SqlCommand.requireReadOnly("WITH r AS (SELECT * FROM runs) SELECT * FROM r"));
    }

    @Test
    void readQueriesAccepted() {
        List<String> queries = List.of(
                "-- note\nselect count(*) from runs",
                "/* note */ SELECT 1",
                "/* outer /* nested */ still a comment */ SELECT 1",
                "WITH d AS (SELECT 1 AS x) SELECT count(*) AS reset FROM d",
                "SELECT 'update' AS s",
                "SELECT \"drop table runs\" AS s",
                "SELECT 'it\\'s; insert' AS s",
                "SELECT `set` FROM (SELECT 1 AS `set`) t",
                "select p, depth, avg(slope) from fits join runs using (cell_id) where metric = 'error' "
                        + "group by p, depth order by p, depth",
                "(SELECT 1) UNION ALL (SELECT 2)",
                "VALUES (1, 2)",
                "TABLE runs",
                "FROM runs SELECT cell_id",
                "SHOW TABLES",
                "DESCRIBE runs",
                "EXPLAIN SELECT * FROM runs",
                "SELECT * FROM runs WHERE cell_id IN (SELECT cell_id FROM fits) -- trailing comment");
        for (String query : queries) {
            assertDoesNotThrow(() -> SqlCommand.requireReadOnly(query), query);
        }
    }

    @Test
    void writesRejected() {
        List<String> queries = List.of(
                "INSERT INTO runs SELECT * FROM runs",
                "CREATE TABLE t AS SELECT 1",
                "-- comment first\nDROP TABLE runs",
                "ALTER TABLE runs RENAME TO r",
                "SET spark.sql.shuffle.partitions = 1",
                "RESET",
                "ADD JAR /tmp/x.jar",
                "CACHE TABLE runs",
                "UNCACHE TABLE runs",
                "REFRESH TABLE runs",
                "MSCK REPAIR TABLE runs",
                "TRUNCATE TABLE runs",
                "LOAD DATA LOCAL INPATH '/tmp/x' INTO TABLE runs",
                "DELETE FROM runs",
                "UPDATE runs SET p = 1",
                "FROM runs INSERT INTO t SELECT cell_id",
                "WITH r AS (SELECT 1 AS reset) INSERT INTO t SELECT * FROM r",
                "/* SELECT */ INSERT INTO t SELECT 1",
                "SELECT 1; DROP TABLE runs");
        for (String query : queries) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> SqlCommand.requireReadOnly(query), query);
            assertTrue(e.getMessage().contains("got ") || e.getMessage().startsWith("invalid query"),
                    query + ": " + e.getMessage());
        }
    }

    @Test
    void writeAfterCteNamesInsert() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlCommand.requireReadOnly(
                "WITH r AS (SELECT 1 AS reset) INSERT INTO t SELECT * FROM r"));

        assertTrue(e.getMessage().contains("got a query that contains 'INSERT'"), e.getMessage());
    }

    @Test
    void leadingCommentSkipped() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlCommand.requireReadOnly("-- note\n/* more */ drop table runs"));

        assertTrue(e.getMessage().contains("got 'drop'"), e.getMessage());
    }

    @Test
    void commentOnlyQueryIsEmpty() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlCommand.requireReadOnly("-- only a comment"));

        assertTrue(e.getMessage().contains("got an empty query"), e.getMessage());
    }

    @Test
    void unparsableQueryRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlCommand.requireReadOnly("SELECT (1 FROM runs"));

        assertTrue(e.getMessage().startsWith("invalid query: "), e.getMessage());
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
