package io.github.wikiart.models;

/**
 * Prepares ND4J's native backend for this library's networks: switches on DL4J's oneDNN layer
 * helpers ({@link OneDnn}) and warns once when OpenBLAS runs its slow fallback kernels
 * ({@link OpenBlasKernels}). Called wherever the library builds, loads or trains a network, so
 * users need not call it; cheap after the first call.
 */
public final class NativeBackend {
    private NativeBackend() {
    }

    /** Prepares the backend (idempotent). */
    public static void prepare() {
        OneDnn.ensureEnabled();
        OpenBlasKernels.warnOnFallback();
    }
}
