package io.github.wikiart.train.transfer;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The content images of another iterator, each paired with a random target style (one-hot, drawn
 * from a seeded generator in batch order), for fitting a transfer graph over an iterator: SameDiff
 * keeps one training session, and its cached arrays, for a whole pass, where a fit per batch
 * starts a new one every time.
 */
final class RandomStyleIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;
    private final DataSetIterator content;
    private final int styles;
    private final transient Random random;

    /**
     * @param content the content images (their labels are ignored)
     * @param styles number of styles
     * @param random the generator of the target styles
     */
    RandomStyleIterator(DataSetIterator content, int styles, Random random) {
        this.content = content;
        this.styles = styles;
        this.random = random;
    }

    @Override
    public boolean hasNext() {
        return content.hasNext();
    }

    @Override
    public DataSet next() {
        INDArray x = content.next().getFeatures();
        INDArray s = Nd4j.zeros(DataType.FLOAT, x.size(0), styles);
        for (int i = 0; i < x.size(0); i++) {
            s.putScalar(i, random.nextInt(styles), 1.0);
        }
        return new DataSet(x, s);
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is fixed by the content iterator");
    }

    @Override
    public int inputColumns() {
        return content.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return styles;
    }

    @Override
    public boolean resetSupported() {
        return false;
    }

    /** Batches are already decoded ahead by the content iterator; a second prefetch thread gains nothing. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("start each pass on the content iterator");
    }

    @Override
    public int batch() {
        return content.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("no pre-processing");
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
