package org.depthsweep.spark.dataparallel;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer of a {@link ProductDenseLayer} configuration: forward {@code y = f(x W + b)} with {@code W = A} or
 * {@code W = A S}, and a backward pass that adds the gradient of the penalty
 * {@code P = lambda * (1/2) * (||W||_F^2 + ||b||^2)}: {@code dP/dW = lambda W}, which the chain rule through the product
 * turns into {@code dP/dA = lambda W S^T} and {@code dP/dS = lambda A^T W}, and {@code dP/db = lambda b}.
 *
 * <p>DL4J's backward pass returns gradients summed over the minibatch, and its updater divides them by the minibatch
 * size before the update, whereas the penalty's gradient must not be divided. The layer therefore adds
 * {@code m * dP}, m the minibatch size, to the summed gradient of the data term.
 */
public class ProductDense extends BaseLayer<ProductDenseLayer> {
    private static final long serialVersionUID = 1L;

    public ProductDense(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Returns the end-to-end matrix {@code A} or {@code A S}, {@code [nIn, nOut]}. */
    public INDArray endToEnd() {
        INDArray a = getParam(ProductDenseParams.A);
        return layerConf().isProduct() ? a.mmul(getParam(ProductDenseParams.S)) : a;
    }

    @Override
    protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray w = endToEnd();
        INDArray x = input.castTo(w.dataType());
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(),
                new long[] {x.size(0), w.size(1)}, 'f');
        x.mmuli(w, z);
        z.addiRowVector(getParam(ProductDenseParams.B));
        return z;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = preOutput(training, workspaceMgr);
        return layerConf().getActivationFn().getActivation(z, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray z = preOutput(true, workspaceMgr);
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        double minibatch = input.size(0);
        double penalty = layerConf().getLambda() * minibatch;

        INDArray a = getParam(ProductDenseParams.A);
        INDArray w = endToEnd();
        INDArray x = input.castTo(w.dataType());
        INDArray gradW = x.transpose().mmul(delta);
        if (penalty > 0) {
            gradW.addi(w.mul(penalty));
        }
        Gradient gradient = new DefaultGradient();
        INDArray gradA = gradientViews.get(ProductDenseParams.A);
        if (layerConf().isProduct()) {
            INDArray s = getParam(ProductDenseParams.S);
            gradA.assign(gradW.mmul(s.transpose()));
            gradient.gradientForVariable().put(ProductDenseParams.A, gradA);
            INDArray gradS = gradientViews.get(ProductDenseParams.S);
            gradS.assign(a.transpose().mmul(gradW));
            gradient.gradientForVariable().put(ProductDenseParams.S, gradS);
        } else {
            gradA.assign(gradW);
            gradient.gradientForVariable().put(ProductDenseParams.A, gradA);
        }
        INDArray gradB = gradientViews.get(ProductDenseParams.B);
        gradB.assign(delta.sum(true, 0));
        if (penalty > 0) {
            gradB.addi(getParam(ProductDenseParams.B).mul(penalty));
        }
        gradient.gradientForVariable().put(ProductDenseParams.B, gradB);

        INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {w.size(0), delta.size(0)}, 'f');
        w.mmuli(delta.transpose(), epsilonNext);
        epsilonNext = backpropDropOutIfPresent(epsilonNext.transpose());
        return new Pair<>(gradient, epsilonNext);
    }

    /** Returns the penalty {@code lambda * (1/2) * (||W||_F^2 + ||b||^2)} on the end-to-end matrix, in double. */
    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        double lambda = layerConf().getLambda();
        if (lambda == 0) {
            return 0.0;
        }
        double weights = endToEnd().castTo(DataType.DOUBLE).norm2Number().doubleValue();
        double bias = getParam(ProductDenseParams.B).castTo(DataType.DOUBLE).norm2Number().doubleValue();
        return 0.5 * lambda * (weights * weights + bias * bias);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return true;
    }
}
