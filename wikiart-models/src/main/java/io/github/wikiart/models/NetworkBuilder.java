package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The settings every network builder of this module shares: the weight seed, the updater, the
 * tensor layout and the data type. Each network's builder extends it with its own shape settings.
 *
 * @param <B> the concrete builder, returned by the setters
 */
public abstract class NetworkBuilder<B extends NetworkBuilder<B>> {
    /** Seed of the weight initialisation. */
    protected long seed = 1;
    /** The optimiser. */
    protected IUpdater updater = new Adam(1e-3);
    /** Input layout. */
    protected TensorLayout layout;
    /** Parameter and activation type. */
    protected DataType dataType = DataType.FLOAT;

    /** @param defaultLayout the layout this network uses unless told otherwise */
    protected NetworkBuilder(TensorLayout defaultLayout) {
        this.layout = defaultLayout;
    }

    /** @return this builder, typed */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** @param s seed of the weight initialisation (default 1) @return this */
    public B seed(long s) {
        this.seed = s;
        return self();
    }

    /** @param u the updater (default Adam with learning rate 0.001) @return this */
    public B updater(IUpdater u) {
        this.updater = Objects.requireNonNull(u, "updater");
        return self();
    }

    /** @param l input layout @return this */
    public B layout(TensorLayout l) {
        this.layout = Objects.requireNonNull(l, "layout");
        return self();
    }

    /** @return the shared settings as set so far */
    NetworkSettings settings() {
        return new NetworkSettings(seed, updater, layout, dataType);
    }

    /** @param t parameter and activation type (default FLOAT; DOUBLE for gradient checks) @return this */
    public B dataType(DataType t) {
        this.dataType = Objects.requireNonNull(t, "dataType");
        return self();
    }
}
