package org.depthsweep.sweep;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * Stable identifiers and seeds for cells. Both are SHA-256 digests of a canonical text, so they are the same on every
 * machine and JVM and do not depend on the order of axes in a sweep file.
 */
public final class CellIds {
    private CellIds() {
    }

    /**
     * Computes a cell id: the first 64 bits, in hex, of SHA-256 over the experiment name, the sweep seed and each
     * {@code name=value} pair in name order. Doubles are written with {@link Double#toString(double)} after mapping
     * -0.0 to 0.0, so {@code 1}, {@code 1.0} and {@code 1e0} of a double parameter give the same id.
     */
    public static String cellId(String experiment, long sweepSeed, SortedMap<String, Object> values) {
        StringBuilder text = new StringBuilder(256);
        text.append("experiment=").append(experiment).append('\n');
        text.append("sweep_seed=").append(sweepSeed).append('\n');
        for (Map.Entry<String, Object> e : values.entrySet()) {
            text.append(e.getKey()).append('=').append(canonical(e.getValue())).append('\n');
        }
        return HexFormat.of().formatHex(sha256(text.toString()), 0, 8);
    }

    /** Derives the seed of a cell's random draws from the sweep seed and the cell's {@code seed} value. */
    public static long derivedSeed(long sweepSeed, long cellSeed) {
        byte[] digest = sha256("depthsweep-seed\n" + sweepSeed + '\n' + cellSeed + '\n');
        return ByteBuffer.wrap(digest, 0, 8).getLong();
    }

    /** Returns a hex SHA-256 digest of a text, used for configuration hashes. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double) {
            double x = (Double) value;
            return "d:" + Double.toString(x == 0.0 ? 0.0 : x);
        }
        if (value instanceof Long) {
            return "l:" + value;
        }
        if (value instanceof Boolean) {
            return "b:" + value;
        }
        if (value instanceof String) {
            return "s:\"" + ((String) value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        throw new IllegalArgumentException("unsupported parameter value type " + value.getClass().getName());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
