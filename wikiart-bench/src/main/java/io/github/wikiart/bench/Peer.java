package io.github.wikiart.bench;

/** The other framework in a side-by-side benchmark. */
public interface Peer {
    /** @return the peer's name and version, for the table */
    String name();

    /**
     * Measures one network.
     *
     * @param network a row name of {@link BenchMain}
     * @param batch batch size
     * @param plan warm-up and timed steps
     * @return the measurement, or null when the peer has no such network yet
     */
    Measurement measure(String network, int batch, StepPlan plan);

    /**
     * Runs the network and its twin on the same weights and batch and compares them.
     *
     * @param network a row name
     * @return the comparison, or null when the row has no check yet
     */
    default TwinCheck check(String network) {
        return null;
    }
}
