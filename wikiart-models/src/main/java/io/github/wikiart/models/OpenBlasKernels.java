package io.github.wikiart.models;

import com.sun.jna.Function;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which kernels OpenBLAS runs on this CPU, and advice when they are its slow fallback.
 *
 * <p>ND4J 1.0.0-M2.1 loads OpenBLAS 0.3.19, which does not know CPU families newer than it (for
 * example Intel's Sapphire and Emerald Rapids, AMD's Zen 4 and 5) and then runs its SSE-era
 * kernels ({@code Prescott}, {@code Barcelona}, ...) for every matrix product, although the CPU
 * has AVX2 or AVX-512. The environment variable {@code OPENBLAS_CORETYPE}, read when OpenBLAS is
 * loaded, chooses the kernels instead; {@code ./wikiart} and the distribution's {@code bin/wikiart}
 * set it ({@code SkylakeX} on a CPU with AVX-512, {@code Haswell} with AVX2) when the user has not. A program that embeds the
 * library gets one warning with that advice ({@link #warnOnFallback()}).
 *
 * <p>The kernel name comes from OpenBLAS itself ({@code openblas_get_corename()}, found by JavaCPP
 * in the library ND4J loaded and called through JNA); the CPU's features from
 * {@code /proc/cpuinfo}, so the advice is given on Linux only.
 */
public final class OpenBlasKernels {
    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasKernels.class);
    /** OpenBLAS 0.3.19's kernels that use no AVX: what it falls back to on an x86-64 CPU it does not know. */
    private static final Set<String> PRE_AVX = Set.of("prescott", "core2", "penryn", "dunnington", "nehalem",
            "barcelona", "opteron", "opteron_sse3", "athlon", "katmai", "coppermine", "northwood", "banias",
            "atom", "nano", "bobcat", "unknown");
    private static final Object LOCK = new Object();
    private static boolean checked;

    private OpenBlasKernels() {
    }

    /**
     * Logs one warning per JVM when OpenBLAS runs a kernel without AVX on a CPU that has AVX2,
     * naming the {@code OPENBLAS_CORETYPE} value to set. Cheap after the first call; never throws.
     */
    public static void warnOnFallback() {
        synchronized (LOCK) {
            if (checked) {
                return;
            }
            checked = true;
        }
        try {
            Optional<String> core = loadedCoreName();
            if (core.isPresent()) {
                advice(core.get(), cpuFlags(Path.of("/proc/cpuinfo")), System.getenv("OPENBLAS_CORETYPE"))
                        .ifPresent(LOG::warn);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("OpenBLAS' kernels could not be checked", e);
        }
    }

    /**
     * The advice for a kernel name and a CPU's feature flags.
     *
     * @param coreName what OpenBLAS says it runs, e.g. {@code Prescott}
     * @param cpuFlags the CPU's feature flags as in {@code /proc/cpuinfo} (lower case)
     * @param coreTypeSetting the value of {@code OPENBLAS_CORETYPE}, or null when unset
     * @return the warning, or empty when the kernels suit the CPU (or the CPU has no AVX2)
     */
    static Optional<String> advice(String coreName, Set<String> cpuFlags, String coreTypeSetting) {
        Optional<String> better = suitedCoreType(cpuFlags);
        if (better.isEmpty() || !PRE_AVX.contains(coreName.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String why = coreTypeSetting == null || coreTypeSetting.isBlank()
                ? "it does not know this CPU"
                : "OPENBLAS_CORETYPE=" + coreTypeSetting + " asks for them";
        String features = better.get().equals("SkylakeX") ? "AVX-512" : "AVX2";
        return Optional.of("OpenBLAS runs its " + coreName + " kernels (no AVX) on a CPU with " + features + " ("
                + why + "), so matrix products run at a third of their speed or less. Start the JVM with the"
                + " environment variable OPENBLAS_CORETYPE=" + better.get()
                + " (./wikiart and bin/wikiart set it when it is unset).");
    }

    /** The AVX-512 subsets OpenBLAS' SkylakeX kernels use. */
    private static final List<String> AVX512 = List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    /**
     * The kernels to ask OpenBLAS 0.3.19 for on a CPU with these features: {@code SkylakeX} with
     * AVX-512 (F, CD, BW, DQ, VL), {@code Haswell} with AVX2 and FMA. Measured on an AVX-512 Xeon
     * (BENCHMARKS.md, "OpenBLAS kernels"): single-precision products of 1024 x 1024 matrices at 35-43
     * GFLOP/s with the fallback {@code Prescott} kernels, 71-89 with {@code Haswell}, 100-132 with
     * {@code SkylakeX}.
     *
     * @param cpuFlags feature flags as in {@code /proc/cpuinfo}
     * @return the value for {@code OPENBLAS_CORETYPE}, or empty without AVX2
     */
    static Optional<String> suitedCoreType(Set<String> cpuFlags) {
        if (cpuFlags.containsAll(AVX512)) {
            return Optional.of("SkylakeX");
        }
        return cpuFlags.contains("avx2") && cpuFlags.contains("fma") ? Optional.of("Haswell") : Optional.empty();
    }

    /**
     * @param cpuinfo a {@code /proc/cpuinfo} file
     * @return the first processor's feature flags, empty when the file is missing or has none
     */
    static Set<String> cpuFlags(Path cpuinfo) {
        if (!Files.isReadable(cpuinfo)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
                    .orElse(Set.of());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Set.of();
        }
    }

    /**
     * @return the kernel name of the OpenBLAS that ND4J loaded, empty when there is none in the
     *     process (another backend)
     */
    public static Optional<String> loadedCoreName() {
        Nd4j.getBackend();
        // JavaCPP finds the symbol in the libraries it loaded; JNA calls it by address. Opening the
        // library again (dlopen through JNA) promoted it to global symbol scope and crashed
        // OpenBLAS' memory management ("BLAS : Bad memory unallocation"), so it is not opened.
        Pointer address = Loader.addressof("openblas_get_corename");
        if (address == null || address.isNull()) {
            return Optional.empty();
        }
        String name = Function.getFunction(new com.sun.jna.Pointer(address.address())).invokeString(new Object[0], false);
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.trim());
    }
}
