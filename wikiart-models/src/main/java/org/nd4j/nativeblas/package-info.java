/**
 * A compatibility shim, not this project's API: DL4J 1.0.0-M2.1 looks for
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by reflection to decide whether its oneDNN
 * helpers may run, but ND4J M2.1 moved that class. {@link org.nd4j.nativeblas.Nd4jCpu} answers
 * the old lookup with the new call, so convolutions take the oneDNN path (about 30 times faster).
 * It lives in ND4J's package because that is the name DL4J looks up; see
 * {@code io.github.wikiart.models.OneDnn} and docs/toolchain.md.
 */
package org.nd4j.nativeblas;
