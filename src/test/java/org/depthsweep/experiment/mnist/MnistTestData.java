package org.depthsweep.experiment.mnist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.depthsweep.data.MnistFiles;

/** The real digits the tests train on: 8,000 training and 2,000 test images, relative to the project directory. */
final class MnistTestData {
    static final Path DIR = Path.of(System.getProperty("user.dir")).resolve("../shared/data/mnist-10k").normalize();

    private MnistTestData() {
    }

    /** Returns the first {@code count} training images. */
    static ImageTensors training(int count) {
        try {
            return ImageTensors.of(MnistFiles.readTraining(DIR).slice(0, count));
        } catch (IOException e) {
            throw new UncheckedIOException("the test digits are expected in " + DIR, e);
        }
    }
}
