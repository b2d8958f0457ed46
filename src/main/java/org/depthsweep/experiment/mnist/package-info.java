/**
 * The {@code mnist} experiment kind: the convolutional network of the TensorFlow MNIST tutorial, with plain dense
 * layers or with each dense matrix a product of two (Arora, Cohen and Hazan, "On the Optimization of Deep Networks:
 * Implicit Acceleration by Overparameterization", ICML 2018), trained with SameDiff on one Spark task. The
 * cross-entropy and the L2 penalty on the end-to-end dense matrices are reported as separate curves.
 */
package org.depthsweep.experiment.mnist;
