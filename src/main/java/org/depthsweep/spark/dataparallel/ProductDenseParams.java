package org.depthsweep.spark.dataparallel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameter layout of a {@link ProductDenseLayer} in its flat view: {@code A [nIn, nOut]}, then {@code S [nOut, nOut]}
 * in the product form, then {@code b [nOut]}; matrices in column-major order, as DL4J stores weights.
 */
final class ProductDenseParams implements ParamInitializer {
    static final ProductDenseParams INSTANCE = new ProductDenseParams();

    static final String A = "A";
    static final String S = "S";
    static final String B = "b";

    private ProductDenseParams() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        ProductDenseLayer dense = (ProductDenseLayer) layer;
        long in = dense.getNIn();
        long out = dense.getNOut();
        return in * out + (dense.isProduct() ? out * out : 0) + out;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return ((ProductDenseLayer) layer).isProduct() ? List.of(A, S, B) : List.of(A, B);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return ((ProductDenseLayer) layer).isProduct() ? List.of(A, S) : List.of(A);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(B);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return A.equals(key) || S.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return B.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> views = views((ProductDenseLayer) conf.getLayer(), paramsView);
        if (initializeParams) {
            views.get(A).assign(0);
            views.get(B).assign(0);
            if (views.containsKey(S)) {
                views.get(S).assign(Nd4j.eye(views.get(S).rows()));
            }
        }
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((ProductDenseLayer) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(ProductDenseLayer layer, INDArray flat) {
        long in = layer.getNIn();
        long out = layer.getNOut();
        INDArray row = flat.rank() == 1 ? flat : flat.reshape(flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        views.put(A, row.get(NDArrayIndex.interval(offset, offset + in * out)).reshape('f', in, out));
        offset += in * out;
        if (layer.isProduct()) {
            views.put(S, row.get(NDArrayIndex.interval(offset, offset + out * out)).reshape('f', out, out));
            offset += out * out;
        }
        views.put(B, row.get(NDArrayIndex.interval(offset, offset + out)).reshape(1, out));
        return views;
    }
}
