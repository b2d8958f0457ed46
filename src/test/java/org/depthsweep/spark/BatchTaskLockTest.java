package org.depthsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.depthsweep.store.Provenance;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.sweep.Cell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task commits its batch only while the sweep lock still belongs to the driver that planned it, so an executor
 * that outlives its killed driver cannot add rows for cells that the next driver runs again.
 */
class BatchTaskLockTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void resetFlaky() {
        FlakyExperiment.FAILING.set(true);
    }

    private static CellBatch batch(String id) {
        List<Cell> cells = new ArrayList<>();
        for (long seed = 0; seed < 3; seed++) {
            Map<String, Object> values = new TreeMap<>();
            values.put("seed", seed);
            values.put("steps", 5L);
            values.put("fail", false);
            cells.add(new Cell("flaky", 7L, values));
        }
        return new CellBatch(id, cells, Map.of(), 1.0);
    }

    private BatchTask task(SweepStore store, String lockOwner) {
        return new BatchTask(store.dir().toString(), "flaky-test", "flaky", Provenance.forDriver("hash"), 1,
                new HadoopConf(new Configuration()).inTask(), null, lockOwner);
    }

    @Test
    void taskOfLockOwnerCommits() throws IOException {
        SweepStore store = new SweepStore(tmp.resolve("flaky-test").toString(), new Configuration());
        try (SweepLock lock = SweepLock.acquire(store)) {
            BatchReport report = task(store, SweepLock.owner(store).orElseThrow()).run(batch("r1-00000"));

            assertTrue(report.committed());
            assertEquals(3, report.ok());
            assertTrue(store.isCommitted("r1-00000"));
        }
    }

    @Test
    void taskOfReplacedDriverDoesNotCommit() throws IOException {
        SweepStore store = new SweepStore(tmp.resolve("flaky-test").toString(), new Configuration());
        try (SweepLock lock = SweepLock.acquire(store)) {
            String killedDriver = "host=elsewhere pid=1 started=0";

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> task(store, killedDriver).run(batch("r1-00000")));

            assertTrue(e.getMessage().contains("was not committed"), e.getMessage());
            assertTrue(e.getMessage().contains(killedDriver), e.getMessage());
            assertFalse(store.isCommitted("r1-00000"));
        }
    }

    @Test
    void taskWithoutLockOwnerCommits() throws IOException {
        SweepStore store = new SweepStore(tmp.resolve("flaky-test").toString(), new Configuration());

        BatchReport report = task(store, null).run(batch("r1-00000"));

        assertTrue(report.committed());
        assertTrue(store.isCommitted("r1-00000"));
    }
}
