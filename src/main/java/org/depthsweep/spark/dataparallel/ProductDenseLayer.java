package org.depthsweep.spark.dataparallel;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Configuration of a DL4J dense layer {@code y = f(x W + b)} whose end-to-end matrix is either one matrix
 * ({@code W = A}) or a product {@code W = A S} with an added square factor S of side {@code nOut}, and whose L2
 * penalty {@code lambda * (1/2) * (||W||_F^2 + ||b||^2)} is on the end-to-end matrix. DL4J's own L2 regularization is
 * per parameter array, so it would penalize A and S apart; this layer adds the penalty's exact gradient in its
 * backward pass and reports the penalty through {@code calcRegularizationScore}, which DL4J adds to the score.
 *
 * <p>Parameters: {@code A [nIn, nOut]}, {@code S [nOut, nOut]} (product form only) and {@code b [nOut]}. They are
 * created as zeros, S as the identity; callers set the initial values after {@code MultiLayerNetwork.init()}.
 * Dropout configured on the layer applies to its input, as for DL4J's dense layers.
 */
public class ProductDenseLayer extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;

    private boolean product;
    private double lambda;

    /** For JSON and Java deserialization. */
    public ProductDenseLayer() {
    }

    private ProductDenseLayer(Builder builder) {
        super(builder);
        this.product = builder.product;
        this.lambda = builder.lambda;
        initializeConstraints(builder);
    }

    /** Returns whether the end-to-end matrix is the product {@code A S}. */
    public boolean isProduct() {
        return product;
    }

    public void setProduct(boolean product) {
        this.product = product;
    }

    /** Returns the weight of the L2 penalty on the end-to-end matrix and the bias. */
    public double getLambda() {
        return lambda;
    }

    public void setLambda(double lambda) {
        this.lambda = lambda;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> trainingListeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        ProductDense layer = new ProductDense(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return ProductDenseParams.INSTANCE;
    }

    /** Returns no regularization: the layer applies its penalty on the end-to-end matrix itself. */
    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return List.of();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        long parameters = initializer().numParams(this);
        long updaterState = getIUpdater().stateSize(parameters);
        return new LayerMemoryReport.Builder(layerName, ProductDenseLayer.class, inputType, outputType)
                .standardMemory(parameters, updaterState)
                .workingMemory(0, 0, getNIn() * getNOut(), outputType.arrayElementsPerExample())
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductDenseLayer && super.equals(o) && ((ProductDenseLayer) o).product == product
                && ((ProductDenseLayer) o).lambda == lambda;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * super.hashCode() + Boolean.hashCode(product)) + Double.hashCode(lambda);
    }

    /** Builds a {@link ProductDenseLayer}; nIn, nOut and the activation come from the DL4J builder methods. */
    public static class Builder extends FeedForwardLayer.Builder<Builder> {
        private boolean product;
        private double lambda;

        /** Sets whether the end-to-end matrix is the product {@code A S}; false by default. */
        public Builder product(boolean product) {
            this.product = product;
            return this;
        }

        /** Sets the weight of the L2 penalty, at least 0; 0 by default. */
        public Builder lambda(double lambda) {
            if (!(lambda >= 0)) {
                throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
            }
            this.lambda = lambda;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public ProductDenseLayer build() {
            return new ProductDenseLayer(this);
        }
    }
}
