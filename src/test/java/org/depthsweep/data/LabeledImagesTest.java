package org.depthsweep.data;

import static org.depthsweep.data.IdxReaderTest.gzip;
import static org.depthsweep.data.IdxReaderTest.idx;
import static org.depthsweep.data.IdxReaderTest.ramp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledImagesTest {
    /** The real digits, 8,000 training and 2,000 test images, relative to the project directory. */
    static final Path MNIST_10K = Path.of(System.getProperty("user.dir")).resolve("../shared/data/mnist-10k")
            .normalize();

    @TempDir
    Path dir;

    private void writeSet(String prefix, int images, int labels, byte[] labelValues) throws IOException {
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"),
                gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {images, 2, 3}, ramp(images * 6))));
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"),
                idx(IdxReader.LABELS_MAGIC, new int[] {labels}, labelValues));
    }

    @Test
    void pairReadWithScaling() throws IOException {
        writeSet("train", 3, 3, new byte[] {4, 0, 9});

        LabeledImages set = MnistFiles.readTraining(dir);

        assertEquals(3, set.count());
        assertEquals(2, set.rows());
        assertEquals(3, set.columns());
        assertEquals(9, set.label(2));
        byte[] ramp = ramp(18);
        assertEquals(ramp[6 + 5] & 0xFF, set.pixel(1, 5));
        float[] target = new float[8];
        set.copyImage(1, target, 2, 1f / 255f, -0.5f);
        assertEquals((ramp[6] & 0xFF) / 255f - 0.5f, target[2], 1e-7f);
        assertEquals((ramp[11] & 0xFF) / 255f - 0.5f, target[7], 1e-7f);
    }

    @Test
    void countMismatchRejected() throws IOException {
        writeSet("train", 3, 2, new byte[] {1, 2});

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> MnistFiles.readTraining(dir));

        assertTrue(e.getMessage().contains("contains 2 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("contains 3 images"), e.getMessage());
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void labelOutsideClassesRejected() throws IOException {
        writeSet("t10k", 2, 2, new byte[] {3, 10});

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> MnistFiles.readTest(dir));

        assertTrue(e.getMessage().contains("label 10 at index 1"), e.getMessage());
    }

    @Test
    void missingFileNamed() throws IOException {
        writeSet("train", 2, 2, new byte[] {1, 2});

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> MnistFiles.readTest(dir));

        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void sliceKeepsOrder() throws IOException {
        writeSet("train", 4, 4, new byte[] {1, 2, 3, 4});
        LabeledImages set = MnistFiles.readTraining(dir);

        LabeledImages tail = set.slice(1, 4);

        assertEquals(3, tail.count());
        assertEquals(2, tail.label(0));
        assertEquals(set.pixel(1, 4), tail.pixel(0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> set.slice(2, 2));
    }

    @Test
    void realDigitsRead() throws IOException {
        LabeledImages train = MnistFiles.readTraining(MNIST_10K);
        LabeledImages test = MnistFiles.readTest(MNIST_10K);

        assertEquals(8000, train.count());
        assertEquals(2000, test.count());
        assertEquals(28, train.rows());
        assertEquals(28, train.columns());
        int[] perClass = new int[MnistFiles.CLASSES];
        for (int i = 0; i < train.count(); i++) {
            perClass[train.label(i)]++;
        }
        for (int c = 0; c < perClass.length; c++) {
            assertTrue(perClass[c] > 500, "class " + c + " has only " + perClass[c] + " training images");
        }
    }
}
