/**
 * Data-parallel training of one mnist cell across a Spark cluster with dl4j-spark's parameter averaging, and the
 * custom DL4J dense layer whose L2 penalty is on the end-to-end product of its factors.
 */
package org.depthsweep.spark.dataparallel;
