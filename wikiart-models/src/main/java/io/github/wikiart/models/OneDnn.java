package io.github.wikiart.models;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches on Deeplearning4j's oneDNN layer helpers, which M2.1 never uses by default.
 *
 * <p>Two things keep them off: the system property
 * {@value #DISABLE_PROPERTY} defaults to {@code true}, and the reflective check in
 * {@link BaseMKLDNNHelper#mklDnnEnabled()} looks for a class that M2.1 renamed (answered by the
 * shim {@code org.nd4j.nativeblas.Nd4jCpu}). Every network class of this library calls
 * {@link #ensureEnabled()} before creating layers, so users need not do anything. A user who sets
 * the property to {@code true} explicitly keeps the helpers off. Measured effect on the original
 * classifier (416 px, batch 32, 2 cores): 0.7 images/s without, about 23 with.
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
        if (!active && !Boolean.getBoolean(DISABLE_PROPERTY)) {
            LOG.warn("oneDNN layer helpers are not available (native build: {}); convolutions will be slow",
                    hasOneDnnBuild() ? "has oneDNN" : "without oneDNN");
        }
        return active;
    }

    /** @return whether newly created layers will get oneDNN helpers */
    public static boolean isActive() {
        return !Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true")) && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** @return whether the loaded native ND4J build includes oneDNN ({@code HAVE_ONEDNN}) */
    public static boolean hasOneDnnBuild() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
    }
}
