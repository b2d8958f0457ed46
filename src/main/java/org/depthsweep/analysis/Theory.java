package org.depthsweep.analysis;

/**
 * Predictions of gradient flow for the l_p loss {@code L(d) = |d|^p / p} of one residual d.
 *
 * <p>The flow {@code dd/dt = -lr * |d|^(p-2) * d} has, for p > 2, the solution
 * {@code |d|^(2-p) = |d0|^(2-p) + lr * (p-2) * t}. At large t the residual then decays as
 * {@code (lr * t)^(-1/(p-2))} and the loss as {@code t^(-p/(p-2))}, so both are straight lines on log-log axes.
 * At p = 2 the decay is exponential and at p < 2 the residual reaches zero in finite time, so neither has a
 * power-law slope.
 */
public final class Theory {
    private Theory() {
    }

    /**
     * Returns the log-log slope of the error against the step, {@code -1/(p-2)}, or null for p <= 2.
     *
     * @throws IllegalArgumentException if p is NaN or infinite
     */
    public static Double errorSlope(double p) {
        requireFinite(p);
        return p > 2 ? -1.0 / (p - 2) : null;
    }

    /**
     * Returns the log-log slope of the loss against the step, {@code -p/(p-2)}, or null for p <= 2.
     *
     * @throws IllegalArgumentException if p is NaN or infinite
     */
    public static Double lossSlope(double p) {
        requireFinite(p);
        return p > 2 ? -p / (p - 2) : null;
    }

    /**
     * Returns the residual of gradient flow at time t:
     * {@code sign(d0) * (|d0|^(2-p) + lr * (p-2) * t)^(-1/(p-2))}.
     *
     * <p>Gradient descent with learning rate lr approximately follows this curve at step t when
     * {@code lr * (p-1) * |d0|^(p-2)}, the step times the largest curvature on the path, is small. A zero start
     * stays at zero, and lr = 0 or t = 0 returns d0.
     *
     * @param d0 residual at t = 0; finite
     * @param p  loss exponent; finite and greater than 2
     * @param lr learning rate; finite and at least 0
     * @param t  time in steps; finite and at least 0
     * @throws IllegalArgumentException if p <= 2, because the flow is then exponential (p = 2) or reaches zero in
     *                                  finite time (p < 2), or if another argument is out of range
     */
    public static double continuousResidual(double d0, double p, double lr, double t) {
        requireFinite(p);
        if (p <= 2) {
            throw new IllegalArgumentException("continuousResidual needs p > 2, got p = " + p
                    + "; at p = 2 the flow decays exponentially and at p < 2 it reaches zero in finite time");
        }
        if (!Double.isFinite(d0)) {
            throw new IllegalArgumentException("d0 must be finite, got " + d0);
        }
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and >= 0, got " + lr);
        }
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be finite and >= 0, got " + t);
        }
        if (d0 == 0) {
            return d0;
        }
        double base = Math.pow(Math.abs(d0), 2 - p) + lr * (p - 2) * t;
        return Math.signum(d0) * Math.pow(base, -1.0 / (p - 2));
    }

    private static void requireFinite(double p) {
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("p must be finite, got " + p);
        }
    }
}
