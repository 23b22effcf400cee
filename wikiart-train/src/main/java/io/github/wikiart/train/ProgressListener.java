package io.github.wikiart.train;

import io.github.wikiart.train.loop.LoopListener;

/** Progress of the transfer trainers, until they use the {@link LoopListener} directly. */
public interface ProgressListener extends LoopListener<Object, Object> {
}
