package org.depthsweep.experiment.toy;

/**
 * The derivative of the l_p loss with respect to one residual, {@code g(r) = |r|^(p-2) * r}, evaluated by the cheapest
 * formula for the exponent. The kernels pick a {@link Kind} once per segment and call the matching static method
 * inside their loops, so integer exponents never reach {@link Math#pow} on the hot path.
 */
final class LpGradient {
    /** Largest integer p evaluated by {@link #integer}. Larger integer p goes through {@link Math#pow}. */
    static final int MAX_INTEGER_P = 1 << 20;

    /** Evaluation path of {@code g}, chosen from p by {@link #kindOf}. */
    enum Kind {
        P3, P4, P6, P8,
        /** Any other integer p up to {@link #MAX_INTEGER_P}: exponentiation by squaring. */
        INTEGER,
        /** p = j + 1.5 for an integer j >= 0, up to {@link #MAX_INTEGER_P}: a square root and squaring. */
        HALF,
        /** Any other p, and integer p above {@link #MAX_INTEGER_P}: {@link Math#pow}. */
        REAL
    }

    private LpGradient() {
    }

    static Kind kindOf(double p) {
        if (p > MAX_INTEGER_P) {
            return Kind.REAL;
        }
        if (p != Math.rint(p)) {
            return p >= 1.5 && p - 0.5 == Math.rint(p - 0.5) ? Kind.HALF : Kind.REAL;
        }
        switch ((int) p) {
            case 3:
                return Kind.P3;
            case 4:
                return Kind.P4;
            case 6:
                return Kind.P6;
            case 8:
                return Kind.P8;
            default:
                return Kind.INTEGER;
        }
    }

    /** Returns {@code g(r)} for p = 3: {@code |r| * r}. */
    static double p3(double r) {
        return Math.abs(r) * r;
    }

    /** Returns {@code g(r)} for p = 4: {@code r^3}. */
    static double p4(double r) {
        return r * r * r;
    }

    /** Returns {@code g(r)} for p = 6: {@code r^5}. */
    static double p6(double r) {
        double r2 = r * r;
        return r2 * r2 * r;
    }

    /** Returns {@code g(r)} for p = 8: {@code r^7}, as {@code (r^2 * r) * r^4} for a shorter dependency chain. */
    static double p8(double r) {
        double r2 = r * r;
        return (r2 * r) * (r2 * r2);
    }

    /**
     * Returns {@code g(r) = |r|^n * r} for an integer p = n + 2 by exponentiation by squaring.
     *
     * @param n p - 2, at least 0
     */
    static double integer(double r, int n) {
        double base = Math.abs(r);
        double power = 1.0;
        for (int e = n; e != 0; e >>>= 1) {
            if ((e & 1) != 0) {
                power *= base;
            }
            base *= base;
        }
        return power * r;
    }

    /**
     * Returns {@code g(r) = copySign(|r|^j * sqrt(|r|), r)} for p = j + 1.5, so that p = 2.5, 3.5 and other
     * half-integers avoid {@link Math#pow}. The result agrees with the pow formula to about (j + 2) * 4e-16
     * relative.
     *
     * @param j p - 1.5, at least 0
     */
    static double half(double r, int j) {
        double base = Math.abs(r);
        double power = Math.sqrt(base);
        for (int e = j; e != 0; e >>>= 1) {
            if ((e & 1) != 0) {
                power *= base;
            }
            base *= base;
        }
        return Math.copySign(power, r);
    }

    /**
     * Returns {@code g(r)} for any p as {@code copySign(|r|^(p-1), r)}, which is 0 at r = 0 even for p < 2.
     *
     * @param pMinus1 p - 1
     */
    static double real(double r, double pMinus1) {
        return Math.copySign(Math.pow(Math.abs(r), pMinus1), r);
    }

    /** Returns {@code g(r)} through the path for p. It selects the path on every call, so loops must not use it. */
    static double of(double r, double p) {
        switch (kindOf(p)) {
            case P3:
                return p3(r);
            case P4:
                return p4(r);
            case P6:
                return p6(r);
            case P8:
                return p8(r);
            case INTEGER:
                return integer(r, (int) p - 2);
            case HALF:
                return half(r, (int) (p - 1.5));
            default:
                return real(r, p - 1);
        }
    }

    /** Returns the loss {@code (1/p) * (|r1|^p + |r2|^p)}. */
    static double loss(double r1, double r2, double p) {
        return (Math.pow(Math.abs(r1), p) + Math.pow(Math.abs(r2), p)) / p;
    }
}
