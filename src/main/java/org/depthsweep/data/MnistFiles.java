package org.depthsweep.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and reads the four files of an MNIST-format data set in one folder, under the names of the MNIST
 * distribution: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte}, each with or without a {@code .gz} suffix. Fashion-MNIST uses the same names.
 */
public final class MnistFiles {
    /** The number of classes of MNIST and Fashion-MNIST. */
    public static final int CLASSES = 10;

    private MnistFiles() {
    }

    /** Reads the training images and labels ({@code train-*}) of the folder. */
    public static LabeledImages readTraining(Path folder) throws IOException {
        return read(folder, "train");
    }

    /** Reads the test images and labels ({@code t10k-*}) of the folder. */
    public static LabeledImages readTest(Path folder) throws IOException {
        return read(folder, "t10k");
    }

    private static LabeledImages read(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "MNIST data folder not found or not a folder; "
                    + "it must hold " + prefix + "-images-idx3-ubyte.gz and " + prefix + "-labels-idx1-ubyte.gz");
        }
        Path images = locate(folder, prefix + "-images-idx3-ubyte");
        Path labels = locate(folder, prefix + "-labels-idx1-ubyte");
        return LabeledImages.read(images, labels, CLASSES);
    }

    /**
     * Returns the four files that {@link #readTraining} and {@link #readTest} read: training images and labels, then
     * test images and labels.
     *
     * @throws NoSuchFileException when the folder or one of the files is missing
     */
    public static List<Path> dataFiles(Path folder) throws NoSuchFileException {
        List<Path> files = new ArrayList<>();
        for (String prefix : List.of("train", "t10k")) {
            files.add(locate(folder, prefix + "-images-idx3-ubyte"));
            files.add(locate(folder, prefix + "-labels-idx1-ubyte"));
        }
        return files;
    }

    /** Returns {@code folder/name.gz} or {@code folder/name}, whichever exists, the compressed one first. */
    static Path locate(Path folder, String name) throws NoSuchFileException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(folder.resolve(name + ".gz"));
        candidates.add(folder.resolve(name));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new NoSuchFileException(folder.resolve(name + ".gz").toString(), null,
                "neither " + name + ".gz nor " + name + " is in the MNIST data folder " + folder);
    }
}
