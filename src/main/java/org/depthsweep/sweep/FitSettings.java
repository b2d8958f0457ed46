package org.depthsweep.sweep;

import java.io.Serializable;

/**
 * Analysis settings of a sweep, from its {@code fit} block.
 *
 * @param tailFraction the tail window of a curve is the recorded steps t with {@code t >= t_last * tailFraction};
 *                     in (0, 1)
 * @param eps          error threshold for acceleration factors, finite and > 0
 */
public record FitSettings(double tailFraction, double eps) implements Serializable {
    public static final double DEFAULT_TAIL_FRACTION = 0.1;
    public static final double DEFAULT_EPS = 0.1;

    /** The settings of a sweep file without a {@code fit} block. */
    public static final FitSettings DEFAULTS = new FitSettings(DEFAULT_TAIL_FRACTION, DEFAULT_EPS);

    /** Checks both settings, written in the positive so that NaN fails. */
    public FitSettings {
        if (!(tailFraction > 0 && tailFraction < 1)) {
            throw new IllegalArgumentException("tailFraction = " + tailFraction + ": must be > 0 and < 1");
        }
        if (!(eps > 0 && Double.isFinite(eps))) {
            throw new IllegalArgumentException("eps = " + eps + ": must be a finite number > 0");
        }
    }
}
