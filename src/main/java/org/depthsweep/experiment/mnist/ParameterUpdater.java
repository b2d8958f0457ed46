package org.depthsweep.experiment.mnist;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Applies one {@link OptimizerKind} update to named parameter arrays in place, keeping its state per name. */
public final class ParameterUpdater {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private final OptimizerKind kind;
    private final double momentum;
    private final Map<String, INDArray> first = new HashMap<>();
    private final Map<String, INDArray> second = new HashMap<>();

    /**
     * @param momentum the momentum coefficient mu of {@link OptimizerKind#MOMENTUM}; ignored by the other rules
     */
    public ParameterUpdater(OptimizerKind kind, double momentum) {
        this.kind = kind;
        this.momentum = momentum;
    }

    /**
     * Updates {@code parameter} in place from {@code gradient}.
     *
     * @param learningRate the learning rate of this step
     * @param step         the 1-based number of this update, used by Adam's bias correction
     */
    public void update(String name, INDArray parameter, INDArray gradient, double learningRate, long step) {
        switch (kind) {
            case SGD:
                Nd4j.getBlasWrapper().level1().axpy(parameter.length(), -learningRate, gradient, parameter);
                break;
            case MOMENTUM: {
                INDArray velocity = first.computeIfAbsent(name, key -> parameter.ulike().assign(0));
                velocity.muli(momentum).addi(gradient);
                Nd4j.getBlasWrapper().level1().axpy(parameter.length(), -learningRate, velocity, parameter);
                break;
            }
            case ADAM: {
                INDArray m = first.computeIfAbsent(name, key -> parameter.ulike().assign(0));
                INDArray v = second.computeIfAbsent(name, key -> parameter.ulike().assign(0));
                m.muli(BETA1).addi(gradient.mul(1 - BETA1));
                v.muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
                double corrected = learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
                INDArray denominator = Transforms.sqrt(v, true).addi(ADAM_EPSILON);
                parameter.subi(m.div(denominator).muli(corrected));
                break;
            }
            default:
                throw new IllegalStateException("unhandled optimizer " + kind);
        }
    }
}
