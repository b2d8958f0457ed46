package org.depthsweep.experiment.mnist;

import java.util.Locale;

/** The update rule of a training run. */
public enum OptimizerKind {
    /**
     * Classical momentum, as TensorFlow's {@code MomentumOptimizer}: {@code v <- mu v + g}, {@code w <- w - lr v},
     * with v starting at zero.
     */
    MOMENTUM,
    /** Plain stochastic gradient descent: {@code w <- w - lr g}. */
    SGD,
    /**
     * Adam with beta1 0.9, beta2 0.999 and epsilon 1e-8: {@code m <- b1 m + (1 - b1) g},
     * {@code v <- b2 v + (1 - b2) g^2}, {@code w <- w - lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps)}.
     */
    ADAM;

    /** Returns the lower-case name used in sweep files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a sweep-file value. */
    public static OptimizerKind parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
