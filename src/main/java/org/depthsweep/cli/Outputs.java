package org.depthsweep.cli;

import org.apache.hadoop.fs.Path;

/** Resolves sweep directories under an output root. */
final class Outputs {
    private Outputs() {
    }

    /**
     * Returns {@code root/name}. The sweep loader has already checked that the name is a single path segment, so the
     * directory cannot leave the root.
     */
    static String sweepDir(String root, String name) {
        if (root == null || root.isBlank()) {
            throw new InvalidInputException("--output must not be empty");
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("sweep name '" + name + "' would leave the output root " + root
                    + "; use a name without '/' and not '.' or '..'");
        }
        return new Path(new Path(root), name).toString();
    }
}
