package org.depthsweep.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.depthsweep.optim.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRegressionTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static CsvRegression settings(Path file, boolean standardize, boolean whiten) {
        return new CsvRegression(file, List.of("y"), true, standardize, whiten, false);
    }

    @Test
    void ethanolShapedFileLoads() throws IOException {
        Path file = EthanolShapedCsv.write(dir.resolve("ethanol.csv"), 11);
        RegressionData data = new CsvRegression(file, List.of(EthanolShapedCsv.TARGET), true, true, false, true)
                .load();
        assertEquals(EthanolShapedCsv.ROWS, data.samples());
        assertEquals(EthanolShapedCsv.FEATURES, data.inputDim());
        assertEquals(1, data.outputDim());
        assertNotNull(data.optimumFor(2.0));
        assertNull(data.optimumFor(4.0));
        for (int c = 0; c < 3; c++) {
            double mean = 0;
            double square = 0;
            for (int i = 0; i < data.samples(); i++) {
                double value = data.features().get(i, c);
                mean += value;
                square += value * value;
            }
            assertEquals(0.0, mean / data.samples(), 1e-12, "mean of feature " + c);
            assertEquals(1.0, square / data.samples(), 1e-12, "variance of feature " + c);
        }
    }

    @Test
    void quotedFieldsAndBlankLinesAreRead() throws IOException {
        Path file = write("quoted.csv", "\"a\", \"y\"\n\"1.5\", 2\n\n3,4\n");
        RegressionData data = settings(file, false, false).load();
        assertEquals(2, data.samples());
        assertEquals(1.5, data.features().get(0, 0), 0.0);
        assertEquals(4.0, data.targets().get(1, 0), 0.0);
    }

    @Test
    void headerlessFileNamesColumnsByIndex() throws IOException {
        Path file = write("plain.csv", "1,2,10\n2,1,20\n3,5,31\n");
        RegressionData data = new CsvRegression(file, List.of("2"), false, false, false, false).load();
        assertEquals(2, data.inputDim());
        assertEquals(31.0, data.targets().get(2, 0), 0.0);
        assertEquals(5.0, data.features().get(2, 1), 0.0);
    }

    @Test
    void whiteningGivesIdentityCovariance() throws IOException {
        Path file = EthanolShapedCsv.write(dir.resolve("ethanol.csv"), 12);
        RegressionData data = new CsvRegression(file, List.of(EthanolShapedCsv.TARGET), true, false, true, false)
                .load();
        Matrix x = data.features();
        Matrix covariance = Matrix.zeros(x.cols, x.cols);
        Matrix.transposeMultiply(x, x, covariance);
        Matrix identity = Matrix.identity(x.cols, x.cols);
        assertTrue(covariance.scaled(1.0 / x.rows).distanceTo(identity) < 1e-8,
                "covariance distance " + covariance.scaled(1.0 / x.rows).distanceTo(identity));
    }

    @Test
    void missingFileNamesPath() {
        Path file = dir.resolve("absent.csv");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, true, false).load());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void missingTargetColumnListsColumns() throws IOException {
        Path file = write("no-target.csv", "a,b\n1,2\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, false, false).load());
        assertTrue(e.getMessage().contains("target column 'y' not found"), e.getMessage());
        assertTrue(e.getMessage().contains("a, b"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void nonNumericFieldNamesLineAndColumn() throws IOException {
        Path file = write("text.csv", "a,y\n1,2\n3,4\nabc,5\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, false, false).load());
        assertTrue(e.getMessage().contains(file + ": line 4, column 'a'"), e.getMessage());
        assertTrue(e.getMessage().contains("'abc' is not a number"), e.getMessage());
    }

    @Test
    void nanFieldNamesLineAndColumn() throws IOException {
        Path file = write("nan.csv", "a,y\n1,2\n3,NaN\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, false, false).load());
        assertTrue(e.getMessage().contains(file + ": line 3, column 'y'"), e.getMessage());
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    @Test
    void emptyFieldIsNotANumber() throws IOException {
        Path file = write("empty-field.csv", "a,y\n1,\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, false, false).load());
        assertTrue(e.getMessage().contains("line 2, column 'y'"), e.getMessage());
    }

    @Test
    void shortLineNamesLine() throws IOException {
        Path file = write("short.csv", "a,b,y\n1,2,3\n4,5\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, false, false).load());
        assertTrue(e.getMessage().contains("line 3 has 2 fields but the header has 3"), e.getMessage());
    }

    @Test
    void constantColumnBlocksStandardizing() throws IOException {
        Path file = write("constant.csv", "a,b,y\n1,7,3\n2,7,5\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, true, false).load());
        assertTrue(e.getMessage().contains("column 'b' has the same value"), e.getMessage());
        assertTrue(e.getMessage().contains("data.standardize = false"), e.getMessage());
    }

    @Test
    void dependentColumnsBlockWhitening() throws IOException {
        Path file = write("dependent.csv", "a,b,y\n1,2,3\n2,4,5\n3,6,1\n4,8,2\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, false, true).load());
        assertTrue(e.getMessage().contains("linearly dependent"), e.getMessage());
    }

    @Test
    void headerOnlyFileIsRejected() throws IOException {
        Path file = write("header-only.csv", "a,y\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, false, false).load());
        assertTrue(e.getMessage().contains("no data lines"), e.getMessage());
    }

    @Test
    void repeatedHeaderNameIsRejected() throws IOException {
        Path file = write("repeated.csv", "a,b,y,y\n1,2,3,3\n4,5,6,6\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> settings(file, false, false).load());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("names the column 'y' twice (indices 2 and 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("rename or remove one of the two columns"), e.getMessage());
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        Path file = write("bom.csv", "\uFEFFy,a\n1,2\n3,5\n");
        RegressionData data = settings(file, false, false).load();
        assertEquals(2, data.samples());
        assertEquals(1, data.inputDim());
        assertEquals(5.0, data.features().get(1, 0), 0.0);
        assertEquals(3.0, data.targets().get(1, 0), 0.0);
    }

    @Test
    void repeatedTargetIsRejected() {
        assertThrows(InvalidDataException.class,
                () -> new CsvRegression(dir.resolve("x.csv"), List.of("y", "y"), true, false, false, false));
        assertThrows(InvalidDataException.class,
                () -> new CsvRegression(dir.resolve("x.csv"), List.of(), true, false, false, false));
    }
}
