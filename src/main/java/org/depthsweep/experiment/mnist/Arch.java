package org.depthsweep.experiment.mnist;

import java.util.Locale;

/** The dense layers of the network: one weight matrix each, or a product of two. */
public enum Arch {
    /** Each dense layer has one weight matrix W. */
    PLAIN,
    /**
     * Each dense weight matrix is a product {@code W = A S}, in the row-vector convention {@code y = x W + b}: A has
     * W's shape and S is an added square factor on the output side (512 x 512 for the hidden layer, 10 x 10 for the
     * output layer), as in Arora, Cohen and Hazan (ICML 2018).
     */
    OVERPARAM;

    /** Returns the lower-case name used in sweep files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a sweep-file value, {@code plain} or {@code overparam}. */
    public static Arch parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
