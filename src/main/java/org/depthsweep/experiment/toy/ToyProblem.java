package org.depthsweep.experiment.toy;

import java.util.Locale;

import org.depthsweep.sweep.Cell;

/**
 * Typed settings of one toy cell, read from the cell's normalized values.
 *
 * @param p                exponent of the loss {@code (1/p) * sum_i |w_i - y_i|^p}, greater than 1
 * @param lr               learning rate, greater than 0
 * @param depth            number of factors in the end-to-end weight
 * @param form             factorization: plain at depth 1, scalar at depth 2, chain at any depth >= 2
 * @param width            hidden width k of the chain form; 0 for the other forms
 * @param init             initialization scheme
 * @param initScale        standard deviation of the Gaussian draws of {@link Init#SMALL} and {@link Init#BALANCED}
 * @param derivedSeed      seed of the cell's {@link java.util.SplittableRandom}
 * @param steps            gradient steps to run, at least 0
 * @param y1               target of input e1
 * @param y2               target of input e2
 * @param targetError      stop early once the error is at most this value; null for no early stop
 * @param divergenceFactor stop as diverged once the error exceeds this multiple of the initial error, greater than 1
 * @param pointsPerDecade  curve rows per decade of steps, at least 1
 */
record ToyProblem(double p, double lr, int depth, Form form, int width, Init init, double initScale,
                  long derivedSeed, long steps, double y1, double y2, Double targetError, double divergenceFactor,
                  int pointsPerDecade) {

    /** Factorization of the end-to-end weight. */
    enum Form {
        /** Depth 1: gradient descent on w itself. */
        PLAIN,
        /** Depth 2: w = s * m with a scalar s and m in R^2. */
        SCALAR,
        /** Depth N >= 2: w = W_N ... W_1 with W_1 k x 2, inner factors k x k and W_N 1 x k. */
        CHAIN
    }

    /** Initialization scheme. */
    enum Init {
        /** End-to-end weight 0, with every factor above W_1 set to (a slice of) the identity. */
        ZERO,
        /** I.i.d. Gaussian entries with standard deviation {@code init_scale}. */
        SMALL,
        /** A Gaussian end-to-end weight split into balanced factors (Arora, Cohen and Hazan, ICML 2018). */
        BALANCED
    }

    ToyProblem {
        if (!(p > 1) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("p must be a finite number > 1, got " + p);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a finite number > 0, got " + lr);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        checkForm(form, depth, width);
        if (!(initScale >= 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("init_scale must be a finite number >= 0, got " + initScale);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (!Double.isFinite(y1) || !Double.isFinite(y2)) {
            throw new IllegalArgumentException("y1 and y2 must be finite, got " + y1 + " and " + y2);
        }
        if (targetError != null && !(targetError > 0)) {
            throw new IllegalArgumentException("target_error must be > 0 or unset, got " + targetError);
        }
        if (!(divergenceFactor > 1)) {
            throw new IllegalArgumentException("divergence_factor must be > 1, got " + divergenceFactor);
        }
        if (pointsPerDecade < 1) {
            throw new IllegalArgumentException("points_per_decade must be >= 1, got " + pointsPerDecade);
        }
    }

    private static void checkForm(Form form, int depth, int width) {
        switch (form) {
            case PLAIN:
                if (depth != 1) {
                    throw new IllegalArgumentException("form plain needs depth 1, got depth " + depth);
                }
                break;
            case SCALAR:
                if (depth != 2) {
                    throw new IllegalArgumentException("form scalar needs depth 2, got depth " + depth);
                }
                break;
            case CHAIN:
                if (depth < 2 || width < 1) {
                    throw new IllegalArgumentException("form chain needs depth >= 2 and width >= 1, got depth "
                            + depth + " and width " + width);
                }
                break;
            default:
                throw new AssertionError(form);
        }
    }

    /**
     * Reads the settings of a cell whose values went through {@code ToyExperiment.normalize}.
     *
     * @throws IllegalArgumentException when a value is out of range or the form does not fit the depth
     */
    static ToyProblem of(Cell cell) {
        Object width = cell.get("width");
        return new ToyProblem(cell.getDouble("p"), cell.getDouble("lr"), Math.toIntExact(cell.getLong("depth")),
                parseEnum(Form.class, cell.getString("form"), "form"),
                width == null ? 0 : Math.toIntExact(((Number) width).longValue()),
                parseEnum(Init.class, cell.getString("init"), "init"), cell.getDouble("init_scale"),
                cell.derivedSeed(), cell.getLong("steps"), cell.getDouble("y1"), cell.getDouble("y2"),
                cell.getDoubleOrNull("target_error"), cell.getDouble("divergence_factor"),
                Math.toIntExact(cell.getLong("points_per_decade")));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String parameter) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " is missing");
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + parameter + " '" + value + "'", e);
        }
    }
}
