/**
 * The one training loop every trainer uses ({@link io.github.wikiart.train.loop.TrainingLoop}): a
 * step function trains on one batch and returns its loss, an evaluation hook turns each epoch into
 * the trainer's result record, and {@link io.github.wikiart.train.loop.LoopListener}s receive
 * progress and epoch ends. The loop owns the NaN policy (a non-finite loss stops training before
 * anything of that epoch is written, so the last good checkpoint stays loadable) and the run-folder
 * mechanics shared by every model kind: {@link io.github.wikiart.train.loop.MetricsCsv} and
 * {@link io.github.wikiart.train.loop.CheckpointWriter}. DL4J's own {@code TrainingListener}s plug
 * in through {@link io.github.wikiart.train.loop.Dl4jListener}.
 */
package io.github.wikiart.train.loop;
