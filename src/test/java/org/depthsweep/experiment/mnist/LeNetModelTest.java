package org.depthsweep.experiment.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LeNetModelTest {
    private static final int BATCH = 64;
    /** float32 sums of about 10^6 terms agree with a double-precision sum to about this relative error. */
    private static final double FLOAT_SUM_TOLERANCE = 1e-5;
    /** loss and ce + reg come from one float32 addition, so they agree to float32 rounding. */
    private static final double SAME_PASS_TOLERANCE = 1e-6;

    private static ImageTensors digits;
    private static int[] rows;

    @BeforeAll
    static void loadDigits() {
        NativeThreads.apply(1);
        digits = MnistTestData.training(BATCH);
        rows = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            rows[i] = i;
        }
    }

    private static LeNetModel.Pass pass(LeNetModel model, INDArray mask) {
        return model.trainingPass(digits.featureBatch(rows), digits.labelBatch(rows), mask);
    }

    /** Returns lambda / 2 times the sum of squares of the end-to-end matrices and biases, in double precision. */
    private static double independentPenalty(LeNetWeights weights, double lambda) {
        Map<String, INDArray> arrays = weights.arrays();
        double sum = sumOfSquares(arrays.get(LeNetWeights.FC1_B)) + sumOfSquares(arrays.get(LeNetWeights.FC2_B));
        if (weights.arch() == Arch.PLAIN) {
            sum += sumOfSquares(arrays.get(LeNetWeights.FC1_W)) + sumOfSquares(arrays.get(LeNetWeights.FC2_W));
        } else {
            sum += sumOfSquaresOfProduct(arrays.get(LeNetWeights.FC1_A), arrays.get(LeNetWeights.FC1_S));
            sum += sumOfSquaresOfProduct(arrays.get(LeNetWeights.FC2_A), arrays.get(LeNetWeights.FC2_S));
        }
        return 0.5 * lambda * sum;
    }

    private static double sumOfSquares(INDArray array) {
        double sum = 0;
        for (float value : array.data().asFloat()) {
            sum += (double) value * value;
        }
        return sum;
    }

    /** Sum of squares of the entries of {@code a s}, with the product formed in double precision by plain loops. */
    private static double sumOfSquaresOfProduct(INDArray a, INDArray s) {
        int rowsOfA = (int) a.rows();
        int inner = (int) a.columns();
        int columns = (int) s.columns();
        float[] left = a.dup('c').data().asFloat();
        float[] right = s.dup('c').data().asFloat();
        double sum = 0;
        double[] row = new double[columns];
        for (int i = 0; i < rowsOfA; i++) {
            java.util.Arrays.fill(row, 0.0);
            for (int k = 0; k < inner; k++) {
                double aik = left[i * inner + k];
                int base = k * columns;
                for (int j = 0; j < columns; j++) {
                    row[j] += aik * right[base + j];
                }
            }
            for (double value : row) {
                sum += value * value;
            }
        }
        return sum;
    }

    @Test
    void parameterCountsMatchTutorial() {
        assertEquals(1_663_370L, LeNetWeights.initialize(Arch.PLAIN, 1L, null).parameterCount());
        assertEquals(1_925_614L, LeNetWeights.initialize(Arch.OVERPARAM, 1L, null).parameterCount());
    }

    @Test
    void initialWeightsFollowTutorial() {
        LeNetWeights weights = LeNetWeights.initialize(Arch.OVERPARAM, 3L, null);
        Map<String, INDArray> arrays = weights.arrays();

        INDArray fc1 = arrays.get(LeNetWeights.FC1_A);
        assertTrue(fc1.amaxNumber().doubleValue() <= 0.2, "truncation at two standard deviations");
        assertEquals(0.1 * Math.sqrt(0.7737), fc1.stdNumber().doubleValue(), 1e-3, "std of the truncated normal");
        assertEquals(0.0, arrays.get(LeNetWeights.CONV1_B).amaxNumber().doubleValue());
        assertEquals(0.1, arrays.get(LeNetWeights.CONV2_B).minNumber().doubleValue(), 1e-7);
        assertEquals(0.1, arrays.get(LeNetWeights.FC2_B).maxNumber().doubleValue(), 1e-7);
        assertEquals(Nd4j.eye(512).castTo(fc1.dataType()), arrays.get(LeNetWeights.FC1_S));
        assertEquals(Nd4j.eye(10).castTo(fc1.dataType()), arrays.get(LeNetWeights.FC2_S));
    }

    @Test
    void penaltyAtInitializationNearTutorialValue() {
        LeNetModel model = new LeNetModel(LeNetWeights.initialize(Arch.PLAIN, 5L, null), 5e-4, false);

        LeNetModel.Pass pass = pass(model, null);

        // 5e-4 * (1/2) * 1,610,752 entries * 0.1^2 * 0.7737 (variance of the truncated normal) is about 3.1.
        assertEquals(3.1, pass.reg(), 0.05);
    }

    @Test
    void overparamPenaltyIsOnProduct() {
        double lambda = 5e-4;
        LeNetWeights weights = LeNetWeights.initialize(Arch.OVERPARAM, 11L, 0.05);
        LeNetModel model = new LeNetModel(weights, lambda, false);

        LeNetModel.Pass pass = pass(model, null);

        double expected = independentPenalty(weights, lambda);
        assertEquals(expected, pass.reg(), FLOAT_SUM_TOLERANCE * expected);
        double perFactor = 0.5 * lambda * (sumOfSquares(weights.arrays().get(LeNetWeights.FC1_A))
                + sumOfSquares(weights.arrays().get(LeNetWeights.FC1_S)));
        assertTrue(Math.abs(perFactor - pass.reg()) > 0.1 * expected,
                "a per-factor penalty " + perFactor + " must differ from the product penalty " + pass.reg());
    }

    @Test
    void plainPenaltyMatchesIndependentSum() {
        double lambda = 2e-3;
        LeNetWeights weights = LeNetWeights.initialize(Arch.PLAIN, 12L, null);
        LeNetModel model = new LeNetModel(weights, lambda, true);

        LeNetModel.Pass pass = pass(model, new DropoutMasks(1L, 0.5).next(BATCH));

        double expected = independentPenalty(weights, lambda);
        assertEquals(expected, pass.reg(), FLOAT_SUM_TOLERANCE * expected);
    }

    @Test
    void lossIsCrossEntropyPlusPenalty() {
        for (Arch arch : Arch.values()) {
            LeNetModel model = new LeNetModel(LeNetWeights.initialize(arch, 13L, 0.05), 5e-4, true);

            LeNetModel.Pass pass = pass(model, new DropoutMasks(2L, 0.5).next(BATCH));

            assertEquals(pass.ce() + pass.reg(), pass.loss(), SAME_PASS_TOLERANCE * pass.loss(), arch.label());
            assertTrue(pass.ce() > 0.5, arch.label() + " ce at initialization " + pass.ce());
        }
    }

    @Test
    void crossEntropyMatchesLogits() {
        LeNetModel model = new LeNetModel(LeNetWeights.initialize(Arch.OVERPARAM, 14L, 0.05), 0.0, false);

        LeNetModel.Pass pass = pass(model, null);
        INDArray logits = model.evaluationLogits(digits.featureBatch(rows));

        double sum = 0;
        for (int i = 0; i < BATCH; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < LeNetWeights.CLASSES; c++) {
                max = Math.max(max, logits.getDouble(i, c));
            }
            double normalizer = 0;
            for (int c = 0; c < LeNetWeights.CLASSES; c++) {
                normalizer += Math.exp(logits.getDouble(i, c) - max);
            }
            sum += max + Math.log(normalizer) - logits.getDouble(i, digits.classOf(i));
        }
        assertEquals(sum / BATCH, pass.ce(), 1e-5);
        assertEquals(0.0, pass.reg());
        assertEquals(pass.ce(), pass.loss(), SAME_PASS_TOLERANCE * pass.ce());
    }

    @Test
    void identityOverparamMatchesPlainForward() {
        LeNetWeights plain = LeNetWeights.initialize(Arch.PLAIN, 21L, null);
        LeNetWeights overparam = LeNetWeights.initialize(Arch.OVERPARAM, 21L, null);
        assertEquals(plain.arrays().get(LeNetWeights.FC1_W), overparam.arrays().get(LeNetWeights.FC1_A));
        assertEquals(plain.arrays().get(LeNetWeights.FC2_W), overparam.arrays().get(LeNetWeights.FC2_A));
        LeNetModel plainModel = new LeNetModel(plain, 0.0, true);
        LeNetModel overparamModel = new LeNetModel(overparam, 0.0, true);
        INDArray mask = new DropoutMasks(3L, 0.5).next(BATCH);

        LeNetModel.Pass plainPass = pass(plainModel, mask);
        LeNetModel.Pass overparamPass = pass(overparamModel, mask);
        INDArray plainLogits = plainModel.evaluationLogits(digits.featureBatch(rows));
        INDArray overparamLogits = overparamModel.evaluationLogits(digits.featureBatch(rows));

        assertEquals(plainPass.ce(), overparamPass.ce(), 1e-6 * plainPass.ce());
        assertEquals(plainPass.loss(), overparamPass.loss(), 1e-6 * plainPass.loss());
        assertEquals(plainPass.correct(), overparamPass.correct());
        assertArrayEquals(plainLogits.dup().data().asFloat(), overparamLogits.dup().data().asFloat(), 1e-6f);
    }

    @Test
    void modelWeightsAreGraphArrays() {
        LeNetWeights initial = LeNetWeights.initialize(Arch.OVERPARAM, 31L, null);
        LeNetModel model = new LeNetModel(initial, 5e-4, false);

        for (String name : model.trainable()) {
            assertTrue(model.parameter(name) == model.weights().arrays().get(name), name + " is not the live array");
            assertEquals(initial.arrays().get(name), model.weights().arrays().get(name), name);
        }
    }
}
