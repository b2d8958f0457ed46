package org.depthsweep.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.depthsweep.experiment.linear.LinearExperiment;
import org.depthsweep.experiment.mnist.MnistExperiment;
import org.depthsweep.experiment.toy.ToyExperiment;
import org.depthsweep.sweep.SweepSpecException;

/**
 * The experiment kinds a sweep file can name, looked up the same way on the driver and on executors: the built-in
 * kinds, then any {@link Experiment} implementation listed in a {@code META-INF/services} file on the class path.
 */
public final class ExperimentRegistry {
    private static final Map<String, Experiment> KINDS;

    static {
        Map<String, Experiment> kinds = new LinkedHashMap<>();
        register(kinds, new ToyExperiment());
        register(kinds, new LinearExperiment());
        register(kinds, new MnistExperiment());
        for (Experiment extra : ServiceLoader.load(Experiment.class)) {
            if (kinds.containsKey(extra.name())) {
                throw new IllegalStateException("two experiment kinds are named '" + extra.name() + "': "
                        + kinds.get(extra.name()).getClass().getName() + " and " + extra.getClass().getName());
            }
            register(kinds, extra);
        }
        KINDS = Collections.unmodifiableMap(kinds);
    }

    private ExperimentRegistry() {
    }

    private static void register(Map<String, Experiment> kinds, Experiment experiment) {
        kinds.put(experiment.name(), experiment);
    }

    /** Returns every registered kind, by name. */
    public static Map<String, Experiment> all() {
        return KINDS;
    }

    /**
     * Returns the kind with the given name.
     *
     * @throws SweepSpecException when no kind has that name
     */
    public static Experiment get(String name) {
        Experiment experiment = KINDS.get(name);
        if (experiment == null) {
            throw new SweepSpecException("unknown experiment '" + name + "': expected one of "
                    + String.join(", ", KINDS.keySet()));
        }
        return experiment;
    }
}
