package org.depthsweep.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.depthsweep.optim.Decompositions;
import org.depthsweep.optim.Matrix;

/**
 * Settings of a regression data set read from a CSV file, and its reader.
 *
 * <p>The file has one sample per line and comma-separated numeric fields. With {@code header} the first line names the
 * columns, each name once; without it the columns are named by their 0-based index ("0", "1", ...). A UTF-8 byte order
 * mark at the start of the file is skipped. The target columns are named in
 * {@code targets}; every other column is a feature. Fields may be wrapped in double quotes and padded with spaces.
 * Blank lines are skipped. Every field must parse as a finite number ({@link Double#parseDouble}).
 *
 * <p>Preprocessing, in this order: with {@code standardize} each feature column is shifted to mean 0 and scaled to
 * variance 1 (the population variance, over n); with {@code whiten} the centered features are replaced by their
 * principal-component scores divided by the root of each component's variance ({@code X <- X_c V Lambda^(-1/2)} for the
 * covariance {@code X_c^T X_c / n = V Lambda V^T}), so their covariance is the identity; with
 * {@code standardizeTargets} each target column is standardized like a feature.
 *
 * <p>The known optimum is the least-squares solution of the preprocessed data ({@link LeastSquares}), which applies to
 * p = 2 only.
 *
 * @param path               the CSV file
 * @param targets            names of the target columns, at least one, without repeats
 * @param header             whether the first line contains the column names
 * @param standardize        whether to standardize the feature columns
 * @param whiten             whether to PCA-whiten the features
 * @param standardizeTargets whether to standardize the target columns
 */
public record CsvRegression(Path path, List<String> targets, boolean header, boolean standardize, boolean whiten,
                            boolean standardizeTargets) {
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    public CsvRegression {
        Objects.requireNonNull(path, "path");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new InvalidDataException(path + ": no target column given; name at least one column as the target");
        }
        if (new LinkedHashSet<>(targets).size() != targets.size()) {
            throw new InvalidDataException(path + ": the target columns " + targets + " repeat a name; list each "
                    + "column once");
        }
    }

    /**
     * Reads and preprocesses the file.
     *
     * @throws InvalidDataException when the file is missing or unreadable, the header repeats a name, a target column
     *                              is missing, a line has the wrong number of fields or a field is not a finite
     *                              number. It is also raised when a column to standardize is constant or the features
     *                              to whiten are linearly dependent. The message names the file, line and column.
     */
    public RegressionData load() {
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        read(names, rows);

        int columns = names.size();
        int[] targetIndex = new int[targets.size()];
        Set<Integer> targetSet = new LinkedHashSet<>();
        for (int t = 0; t < targets.size(); t++) {
            targetIndex[t] = names.indexOf(targets.get(t));
            if (targetIndex[t] < 0) {
                throw new InvalidDataException(path + ": target column '" + targets.get(t) + "' not found; the "
                        + (header ? "header names the columns " + preview(names)
                        : "file has no header, so columns are named by 0-based index 0 to " + (columns - 1)));
            }
            targetSet.add(targetIndex[t]);
        }
        int featureCount = columns - targetSet.size();
        if (featureCount < 1) {
            throw new InvalidDataException(path + ": every column is a target, so no feature is left; name fewer "
                    + "target columns");
        }

        int n = rows.size();
        Matrix x = Matrix.zeros(n, featureCount);
        Matrix y = Matrix.zeros(n, targets.size());
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            if (!targetSet.contains(c)) {
                featureNames.add(names.get(c));
            }
        }
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            int f = 0;
            for (int c = 0; c < columns; c++) {
                if (!targetSet.contains(c)) {
                    x.data[i * featureCount + f++] = row[c];
                }
            }
            for (int t = 0; t < targetIndex.length; t++) {
                y.data[i * targetIndex.length + t] = row[targetIndex[t]];
            }
        }

        if (standardize) {
            standardizeColumns(x, featureNames, "data.standardize");
        }
        if (whiten) {
            x = whitened(x);
        }
        if (standardizeTargets) {
            standardizeColumns(y, targets, "data.standardize_targets");
        }
        Matrix optimum = LeastSquares.solve(x, y);
        String description = "CSV file " + path + " (targets " + String.join(", ", targets) + ")";
        return new RegressionData(x, y, optimum, false, description);
    }

    private void read(List<String> names, List<double[]> rows) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                // Java's UTF-8 decoder keeps a byte order mark as U+FEFF, which would become part of the first name.
                if (lineNumber == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (names.isEmpty()) {
                    for (int c = 0; c < fields.length; c++) {
                        names.add(header ? unquote(fields[c]) : Integer.toString(c));
                    }
                    if (header) {
                        rejectRepeatedNames(names);
                        continue;
                    }
                }
                if (fields.length != names.size()) {
                    throw new InvalidDataException(path + ": line " + lineNumber + " has " + fields.length
                            + " fields but " + (header ? "the header has " : "the first line has ") + names.size()
                            + "; give every line the same number of comma-separated fields");
                }
                double[] values = new double[fields.length];
                for (int c = 0; c < fields.length; c++) {
                    values[c] = parse(fields[c], lineNumber, names.get(c), c);
                }
                rows.add(values);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(path + ": CSV file not found (working directory "
                    + Path.of("").toAbsolutePath() + "); check data.path", e);
        } catch (IOException e) {
            throw new InvalidDataException(path + ": cannot read the CSV file: " + e, e);
        }
        if (rows.isEmpty()) {
            throw new InvalidDataException(path + ": the CSV file has no data lines" + (header ? " after the header"
                    : "") + "; it needs at least one sample");
        }
    }

    private void rejectRepeatedNames(List<String> names) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            Integer earlier = firstIndex.putIfAbsent(names.get(c), c);
            if (earlier != null) {
                throw new InvalidDataException(path + ": the header names the column '" + names.get(c)
                        + "' twice (indices " + earlier + " and " + c + "), so the target or a feature would be "
                        + "ambiguous; rename or remove one of the two columns");
            }
        }
    }

    private double parse(String field, long lineNumber, String column, int index) {
        String text = unquote(field);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidDataException(path + ": line " + lineNumber + ", column '" + column + "' (index "
                    + index + "): '" + text + "' is not a number; every field must be numeric");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidDataException(path + ": line " + lineNumber + ", column '" + column + "' (index "
                    + index + "): the value " + text + " is not finite; replace or drop this sample");
        }
        return value;
    }

    private static String unquote(String field) {
        String text = field.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private void standardizeColumns(Matrix m, List<String> columnNames, String setting) {
        int n = m.rows;
        for (int c = 0; c < m.cols; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += m.data[i * m.cols + c];
            }
            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                double centered = m.data[i * m.cols + c] - mean;
                variance += centered * centered;
            }
            variance /= n;
            if (!(variance > 0)) {
                throw new InvalidDataException(path + ": column '" + columnNames.get(c) + "' has the same value "
                        + mean + " in every line, so it cannot be scaled to unit variance; remove the column or set "
                        + setting + " = false");
            }
            double scale = 1.0 / Math.sqrt(variance);
            for (int i = 0; i < n; i++) {
                m.data[i * m.cols + c] = (m.data[i * m.cols + c] - mean) * scale;
            }
        }
    }

    private Matrix whitened(Matrix x) {
        int n = x.rows;
        int d = x.cols;

        Matrix centered = x.copy();
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x.data[i * d + c];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                centered.data[i * d + c] -= mean;
            }
        }

        Matrix covariance = Matrix.zeros(d, d);
        Matrix.transposeMultiply(centered, centered, covariance);
        for (int i = 0; i < covariance.data.length; i++) {
            covariance.data[i] /= n;
        }
        Decompositions.SymmetricEigen eigen = Decompositions.symmetricEigen(covariance);
        double[] lambda = eigen.values();
        double largest = lambda[d - 1];
        double smallest = lambda[0];
        // Whitening divides by the root of every eigenvalue, so a near-zero eigenvalue is rejected.
        if (!(smallest > 1e-12 * largest)) {
            throw new InvalidDataException(String.format(Locale.ROOT, "%s: the %d feature columns are linearly "
                    + "dependent (smallest covariance eigenvalue %.3g, largest %.3g), so PCA whitening is undefined; "
                    + "drop dependent columns or set data.whiten = false", path, d, smallest, largest));
        }

        Matrix scaledVectors = eigen.vectors().copy();
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                scaledVectors.data[i * d + k] /= Math.sqrt(lambda[k]);
            }
        }
        return centered.times(scaledVectors);
    }

    private static String preview(List<String> names) {
        int shown = Math.min(names.size(), 10);
        String listed = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? listed + ", ... (" + names.size() + " columns)" : listed;
    }
}
