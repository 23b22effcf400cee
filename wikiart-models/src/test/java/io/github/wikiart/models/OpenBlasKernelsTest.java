package io.github.wikiart.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenBlasKernelsTest {
    private static final Set<String> AVX2 = Set.of("sse2", "avx", "avx2", "fma");

    @Test
    void fallbackKernelsOnAnAvx2CpuGetTheAdvice() {
        Optional<String> advice = OpenBlasKernels.advice("Prescott", AVX2, null);
        assertTrue(advice.isPresent());
        assertTrue(advice.get().contains("OPENBLAS_CORETYPE=Haswell"), advice.get());
        assertTrue(advice.get().contains("Prescott") && advice.get().contains("does not know this CPU"), advice.get());
        Set<String> avx512 = new java.util.HashSet<>(AVX2);
        avx512.addAll(Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"));
        assertTrue(OpenBlasKernels.advice("Prescott", avx512, null).get().contains("OPENBLAS_CORETYPE=SkylakeX"));
        assertEquals(Optional.of("Haswell"), OpenBlasKernels.suitedCoreType(Set.of("avx2", "fma", "avx512f")),
                "AVX-512 without BW, DQ, VL and CD is not enough for the SkylakeX kernels");
        Optional<String> forced = OpenBlasKernels.advice("Barcelona", AVX2, "Barcelona");
        assertTrue(forced.get().contains("OPENBLAS_CORETYPE=Barcelona asks for them"), forced.get());
    }

    @Test
    void suitableKernelsOrAnOldCpuGetNoAdvice() {
        assertEquals(Optional.empty(), OpenBlasKernels.advice("Haswell", AVX2, null));
        assertEquals(Optional.empty(), OpenBlasKernels.advice("SkylakeX", AVX2, null));
        assertEquals(Optional.empty(), OpenBlasKernels.advice("Prescott", Set.of("sse2", "sse3"), null));
        assertEquals(Optional.empty(), OpenBlasKernels.advice("Prescott", Set.of("avx2"), null), "AVX2 without FMA");
    }

    @Test
    void cpuFlagsAreTheFirstProcessorsFlags(@TempDir Path dir) throws Exception {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nmodel name\t: X\nflags\t\t: fpu sse2 avx2 fma\n\n"
                + "processor\t: 1\nflags\t\t: fpu\n");
        assertEquals(Set.of("fpu", "sse2", "avx2", "fma"), OpenBlasKernels.cpuFlags(cpuinfo));
        assertEquals(Set.of(), OpenBlasKernels.cpuFlags(dir.resolve("missing")));
    }

    @Test
    void theLoadedOpenBlasNamesItsKernels() {
        Optional<String> core = OpenBlasKernels.loadedCoreName();
        assertTrue(core.isPresent(), "ND4J's CPU backend loads OpenBLAS, which names its kernels");
        assertFalse(core.get().isBlank());
        String forced = System.getenv("OPENBLAS_CORETYPE");
        if (forced != null && !forced.isBlank()) {
            assertEquals(forced.toLowerCase(), core.get().toLowerCase(), "the kernels asked for");
        }
        // Matrix products still work after the lookup (opening the library a second time broke them).
        org.nd4j.linalg.api.ndarray.INDArray a = org.nd4j.linalg.factory.Nd4j.ones(64, 64);
        assertEquals(64.0 * 64 * 64, a.mmul(a).sumNumber().doubleValue(), 0.0);
    }
}
