package io.github.wikiart.models;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches on Deeplearning4j's oneDNN layer helpers, which M2.1 never uses by default.
 *
 * <p>Two things keep them off: the system property
 * {@value #DISABLE_PROPERTY} defaults to {@code true}, and the reflective check in
 * {@link BaseMKLDNNHelper#mklDnnEnabled()} looks for a class that M2.1 renamed (answered by the
 * shim {@code org.nd4j.nativeblas.Nd4jCpu}). The library calls {@link #ensureEnabled()} (through
 * {@link NativeBackend#prepare()}) before it builds, loads or trains a network, so users need not
 * do anything. Measured effect
 * on the original classifier (416 px, batch 32, 2 cores): 0.7 images/s without, about 23 with.
 *
 * <p><b>Turning it off:</b> start the JVM with {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true}
 * (DL4J's own switch; this class never overrides a value the user set), for example to compare
 * with DL4J's built-in layer code. With a backend other than ND4J's CPU one (CUDA) the shim answers
 * "no oneDNN" and DL4J keeps that backend's own helpers; nothing is logged then.
 */
public final class OneDnn {
    /** The property DL4J reads before creating every layer helper. */
    public static final String DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);

    private OneDnn() {
    }

    /**
     * Allows DL4J to create oneDNN helpers for layers created from now on, unless the user set
     * {@value #DISABLE_PROPERTY} explicitly. Idempotent and cheap.
     *
     * @return whether helpers will be used (the backend has oneDNN and nothing disables it)
     */
    public static boolean ensureEnabled() {
        if (System.getProperty(DISABLE_PROPERTY) == null) {
            System.setProperty(DISABLE_PROPERTY, "false");
        }
        boolean active = isActive();
        if (!active && !Boolean.getBoolean(DISABLE_PROPERTY) && Nd4j.getEnvironment().isCPU()) {
            LOG.warn("oneDNN layer helpers are not available (native build: {}); convolutions will be slow",
                    hasOneDnnBuild() ? "has oneDNN" : "without oneDNN");
        }
        return active;
    }

    /** @return whether newly created layers will get oneDNN helpers */
    public static boolean isActive() {
        return !Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true")) && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /**
     * @return whether the loaded native ND4J build includes oneDNN ({@code HAVE_ONEDNN} in its build
     *         information); false when the backend gives no build information
     */
    public static boolean hasOneDnnBuild() {
        Nd4j.getBackend();
        return nativeBuildInfo().contains("HAVE_ONEDNN");
    }

    /**
     * The native build's description, read by reflection: {@code NativeOpsHolder} is part of the
     * backends ({@code nd4j-native-api}), not of {@code nd4j-api}, which is all this library needs.
     */
    private static String nativeBuildInfo() {
        try {
            Class<?> holder = Class.forName("org.nd4j.nativeblas.NativeOpsHolder");
            Object instance = holder.getMethod("getInstance").invoke(null);
            Object ops = holder.getMethod("getDeviceNativeOps").invoke(instance);
            Object info = ops.getClass().getMethod("buildInfo").invoke(ops);
            return info == null ? "" : info.toString();
        } catch (ClassNotFoundException e) {
            return "";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ND4J's native build information cannot be read", e);
        }
    }
}
