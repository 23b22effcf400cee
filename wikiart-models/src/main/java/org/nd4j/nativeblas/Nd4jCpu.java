package org.nd4j.nativeblas;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Compatibility shim for Deeplearning4j 1.0.0-M2.1, which looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} by reflection to
 * decide whether its oneDNN layer helpers may run. In M2.1 the real class moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} (in {@code nd4j-native}) and
 * the method became {@code isUseONEDNN()}; the failed lookup is swallowed and the helpers silently
 * stay off, which makes convolutions about 30 times slower. This class answers the old lookup with
 * the new call.
 *
 * <p>Why it lives here: DL4J looks up exactly this name, so the class must be in ND4J's package.
 * The library depends on {@code nd4j-api} only (the application chooses the backend), so the real
 * class is reached by reflection: with the CPU backend it answers what the native build says; with
 * another backend (CUDA) the class is absent and the answer is {@code false}, so DL4J keeps its
 * own (cuDNN or generic) paths. Used only through reflection by DL4J; see
 * {@code io.github.wikiart.models.OneDnn}.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The environment, at the name and with the method DL4J M2.1 looks for. */
    public static final class Environment {
        private static final String NATIVE_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";
        private static final Environment INSTANCE = new Environment();

        /** {@code isUseONEDNN()} of the CPU backend's environment, or null without the CPU backend. */
        private final MethodHandle useOneDnn;

        private Environment() {
            this.useOneDnn = nativeUseOneDnn();
        }

        /** @return the single instance */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * @return whether the CPU backend is present, was built with oneDNN and has it switched on;
         *         false with any other backend
         */
        public boolean isUseMKLDNN() {
            if (useOneDnn == null) {
                return false;
            }
            try {
                return (boolean) useOneDnn.invoke();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("ND4J's oneDNN switch failed", t);
            }
        }

        private static MethodHandle nativeUseOneDnn() {
            try {
                Class<?> type = Class.forName(NATIVE_ENVIRONMENT, true, Nd4jCpu.class.getClassLoader());
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Object instance = lookup.findStatic(type, "getInstance", MethodType.methodType(type)).invoke();
                return lookup.findVirtual(type, "isUseONEDNN", MethodType.methodType(boolean.class)).bindTo(instance);
            } catch (ClassNotFoundException e) {
                return null;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("ND4J's CPU environment cannot be reached: " + NATIVE_ENVIRONMENT, t);
            }
        }
    }
}
