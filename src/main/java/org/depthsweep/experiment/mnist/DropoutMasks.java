package org.depthsweep.experiment.mnist;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws inverted-dropout masks for the hidden layer from a seeded stream: each entry is {@code 1 / (1 - rate)} with
 * probability {@code 1 - rate} and 0 otherwise, so the expected activation is unchanged and evaluation needs no
 * rescaling, as TensorFlow's {@code tf.nn.dropout} does it.
 */
public final class DropoutMasks {
    private final SplittableRandom random;
    private final double rate;
    private final float kept;

    /** @param rate probability of dropping a unit, in (0, 1) */
    public DropoutMasks(long seed, double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in (0, 1), got " + rate);
        }
        this.random = new SplittableRandom(seed);
        this.rate = rate;
        this.kept = (float) (1.0 / (1.0 - rate));
    }

    /** Returns a fresh mask of shape {@code [batch, 512]}. */
    public INDArray next(int batch) {
        float[] values = new float[batch * LeNetWeights.HIDDEN];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < rate ? 0f : kept;
        }
        return Nd4j.create(values, new long[] {batch, LeNetWeights.HIDDEN}, 'c');
    }
}
