package org.depthsweep.experiment.linear;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.depthsweep.data.CsvRegression;
import org.depthsweep.data.RegressionData;
import org.depthsweep.data.SyntheticRegression;

/**
 * A per-JVM cache of the data sets that cells load, so the cells of one sweep that share a data set generate or parse
 * it once per executor. It keeps the {@value #CAPACITY} most recently used data sets. A CSV entry is keyed by the
 * file's size and modification time too, so an edited file is read again.
 */
final class DataSets {
    static final int CAPACITY = 4;

    private static final Map<Object, RegressionData> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, RegressionData> eldest) {
            return size() > CAPACITY;
        }
    };

    private record CsvKey(CsvRegression settings, long size, long modifiedMillis) {
    }

    private DataSets() {
    }

    static RegressionData synthetic(SyntheticRegression settings) {
        return cached(settings, settings::generate);
    }

    static RegressionData csv(CsvRegression settings) {
        Path path = settings.path();
        Object key = settings;
        try {
            key = new CsvKey(settings, Files.size(path), Files.getLastModifiedTime(path).toMillis());
        } catch (IOException e) {
            // The file cannot be examined; load() raises the error that names the file.
            return settings.load();
        }
        return cached(key, settings::load);
    }

    private static RegressionData cached(Object key, Supplier<RegressionData> loader) {
        synchronized (CACHE) {
            RegressionData hit = CACHE.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Loading runs outside the lock so that one slow file does not block other cells. Two threads may then load
        // the same data once each, and both results are equal.
        RegressionData loaded = loader.get();
        synchronized (CACHE) {
            CACHE.put(key, loaded);
        }
        return loaded;
    }
}
