package io.github.wikiart.bench.pytorch;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the processor reports its cache sizes, which PyTorch 2.7.1's convolutions need.
 *
 * <p>Some virtual machines (seen on AMD EPYC family 26 guests, 2026-12) answer the CPUID cache
 * leaves (0x8000001D on AMD, 4 on Intel) with zeros. Linux then lists no caches under
 * {@code /sys/devices/system/cpu/cpu0/cache}, and the oneDNN 3.7.1 inside PyTorch 2.7.1 takes every
 * cache to be 1 byte. Its weight reorder ({@code jit_uni_reorder}, {@code prb_block_for_cache}: the
 * threshold {@code 3 * L1 / 4} becomes 0) then blocks even reorders into padded layouts, and leaves
 * part of the padded weights unwritten. The backward-data convolution that reads them
 * ({@code jit:avx512_core} or {@code jit:avx2}, weights {@code ABcd16a16b}) gives wrong input
 * gradients whenever the output channels are not a multiple of the block (16, or 8 with AVX2):
 * the missing kernel taps are zero in fresh memory and garbage, sometimes NaN, in reused memory.
 * Weight gradients are right, and forward passes mostly are (the width-104 autoencoder's twin output
 * once came out NaN). Correcting the cache sizes in the running process
 * makes every gradient right with oneDNN unchanged, so the defect is the cache detection, not the
 * processor, and not the twins' code.
 */
public final class CpuCaches {
    private static final Path CPU0 = Path.of("/sys/devices/system/cpu/cpu0");

    private CpuCaches() {
    }

    /**
     * @return whether this machine is a Linux machine whose processor does not report its caches
     *     (PyTorch's convolutions are then wrong, see the class comment); false
     *     where it cannot be told
     */
    public static boolean hidden() {
        return hidden(CPU0);
    }

    /**
     * @param cpu0 the sysfs folder of the first processor
     * @return whether that folder exists and lists no caches
     */
    static boolean hidden(Path cpu0) {
        return Files.isDirectory(cpu0) && !Files.isDirectory(cpu0.resolve("cache"));
    }

    /** @return one line for the benchmark's machine section */
    public static String describe() {
        return hidden() ? "not reported by the processor: PyTorch 2.7.1's convolutions with channel counts that "
                + "are not multiples of 16 are wrong here (see BENCHMARKS.md, \"PyTorch where the processor hides its caches\"); twin checks of "
                + "such rows fail" : "reported";
    }
}
