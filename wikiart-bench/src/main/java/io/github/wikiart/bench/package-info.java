/**
 * {@code ./wikiart bench}: each network of the library timed in Deeplearning4j and in a PyTorch
 * peer on the same machine, one row per network ({@link io.github.wikiart.bench.BenchMain},
 * {@link io.github.wikiart.bench.BenchRow}), with per-op profiles and the data-pipeline benchmark.
 * Results and commands are in {@code BENCHMARKS.md}. The only code of the project that depends on
 * DJL.
 */
package io.github.wikiart.bench;
