package org.depthsweep.experiment.toy;

import java.util.SplittableRandom;

/**
 * The parameters of one toy cell and their gradient descent loop. A kernel stores the current state. {@link #advance}
 * runs updates with the state in local variables and returns early when the error leaves a band, so the caller can
 * check the stopping rules exactly and record curve rows between calls.
 */
abstract class ToyKernel {
    final double p;
    final double lr;
    final double y1;
    final double y2;
    final LpGradient.Kind kind;
    /** p - 2 for {@link LpGradient.Kind#INTEGER}, p - 1.5 for {@link LpGradient.Kind#HALF}, otherwise unused. */
    final int integerExponent;
    /** p - 1 for {@link LpGradient.Kind#REAL}, otherwise unused. */
    final double realExponent;

    ToyKernel(ToyProblem problem) {
        this.p = problem.p();
        this.lr = problem.lr();
        this.y1 = problem.y1();
        this.y2 = problem.y2();
        this.kind = LpGradient.kindOf(problem.p());
        this.integerExponent = kind == LpGradient.Kind.INTEGER ? (int) problem.p() - 2
                : kind == LpGradient.Kind.HALF ? (int) (problem.p() - 1.5) : 0;
        this.realExponent = problem.p() - 1;
    }

    /**
     * Creates the kernel of the problem's form in its initial state, drawing random values from
     * {@code new SplittableRandom(problem.derivedSeed())} in the order that each form documents.
     */
    static ToyKernel create(ToyProblem problem) {
        SplittableRandom random = new SplittableRandom(problem.derivedSeed());
        switch (problem.form()) {
            case PLAIN:
                return PlainKernel.initial(problem, random);
            case SCALAR:
                return ScalarKernel.initial(problem, random);
            case CHAIN:
                return ChainKernel.initial(problem, random);
            default:
                throw new AssertionError(problem.form());
        }
    }

    /**
     * Runs up to {@code steps} simultaneous gradient descent updates. After each update it computes the squared
     * error {@code e2 = r1^2 + r2^2} of the new state and returns at once when {@code !(e2 <= upperSq)} (NaN
     * included) or {@code e2 <= lowerSq}.
     *
     * @param steps   maximum number of updates, at least 1
     * @param lowerSq lower end of the band; negative infinity for none
     * @param upperSq upper end of the band; positive infinity to return early only on NaN
     * @return the number of updates run, between 1 and {@code steps}
     */
    abstract int advance(int steps, double lowerSq, double upperSq);

    /** Returns the first residual {@code w_1 - y_1} of the current state. */
    abstract double residual1();

    /** Returns the second residual {@code w_2 - y_2} of the current state. */
    abstract double residual2();

    /**
     * Returns the product of every factor above W_1 in the current state: s for the scalar form, the Frobenius norm
     * of W_N ... W_2 for chains, and null at depth 1.
     */
    abstract Double scale();

    /** Draws one Gaussian entry with the given standard deviation. */
    static double gaussian(SplittableRandom random, double std) {
        return std * random.nextGaussian();
    }
}
