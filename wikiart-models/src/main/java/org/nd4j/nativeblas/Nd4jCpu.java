package org.nd4j.nativeblas;

/**
 * Compatibility shim for Deeplearning4j 1.0.0-M2.1, which looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} by reflection to
 * decide whether its oneDNN layer helpers may run. In M2.1 the real class moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method became
 * {@code isUseONEDNN()}; the failed lookup is swallowed and the helpers silently stay off, which
 * makes convolutions about 30 times slower. This class answers the old lookup with the new call.
 * Used only through reflection by DL4J; see {@code io.github.wikiart.models.OneDnn}.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The environment, at the name and with the method DL4J M2.1 looks for. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** @return the single instance */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** @return whether the native backend was built with oneDNN and has it switched on */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
