package org.depthsweep.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a CSV file in the shape of the UCI "Gas Sensor Array Drift at Different Concentrations" Ethanol task: 2565
 * lines of 128 positive, correlated sensor features and one concentration target, with a header line. The values are
 * random, not the real data.
 */
public final class EthanolShapedCsv {
    public static final int ROWS = 2565;
    public static final int FEATURES = 128;
    public static final String TARGET = "concentration";

    private EthanolShapedCsv() {
    }

    /** Writes the file and returns its path. Features are 16 sensors x 8 readings driven by a latent level. */
    public static Path write(Path file, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[FEATURES];
        for (int c = 0; c < FEATURES; c++) {
            weights[c] = random.nextDouble(0.5, 2.0);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < FEATURES; c++) {
                header.append("s").append(c / 8 + 1).append("_f").append(c % 8 + 1).append(',');
            }
            out.write(header.append(TARGET).append('\n').toString());
            for (int i = 0; i < ROWS; i++) {
                double level = random.nextDouble(10, 1000);
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < FEATURES; c++) {
                    double reading = weights[c] * Math.sqrt(level) * (1 + 0.05 * random.nextGaussian())
                            + random.nextGaussian();
                    line.append(Math.round(reading * 1e6) / 1e6).append(',');
                }
                out.write(line.append(Math.round(level * 100) / 100.0).append('\n').toString());
            }
        }
        return file;
    }
}
