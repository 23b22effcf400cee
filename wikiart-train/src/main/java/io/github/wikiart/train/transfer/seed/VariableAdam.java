package io.github.wikiart.train.transfer.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam applied by hand to chosen variables of a SameDiff graph, so that a training step updates
 * exactly those (the frozen decoder of step 1 is simply not in the list) and the loss comes out of
 * the same forward pass ({@code SameDiff.fit} reports a loss of 0 in M2.1).
 */
final class VariableAdam {
    private final SameDiff sd;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();

    VariableAdam(SameDiff sd, List<String> names, double learningRate) {
        this.sd = sd;
        Adam adam = new Adam(learningRate);
        for (String name : names) {
            INDArray param = sd.getVariable(name).getArr();
            INDArray state = Nd4j.zeros(param.dataType(), 1, adam.stateSize(param.length()));
            updaters.put(name, adam.instantiate(state, true));
        }
    }

    /**
     * @return the updaters' state (both moments) as live arrays named {@code <variable>/<moment>}
     *     ({@link org.nd4j.linalg.learning.AdamUpdater#M_STATE}, {@code V_STATE}): what a resume
     *     checkpoint saves
     */
    Map<String, INDArray> state() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        updaters.forEach((name, u) -> new java.util.TreeMap<>(u.getState()).forEach((k, v) -> m.put(name + "/" + k, v)));
        return m;
    }

    /**
     * Continues from a saved {@link #state()}: the moments are copied into the updaters' arrays.
     *
     * @param saved the state by name
     * @throws IllegalStateException naming a moment that is missing or of another shape
     */
    void restore(Map<String, INDArray> saved) {
        for (Map.Entry<String, INDArray> e : state().entrySet()) {
            INDArray s = saved.get(e.getKey());
            if (s == null || s.length() != e.getValue().length()) {
                throw new IllegalStateException("the resume checkpoint has no Adam state of length "
                        + e.getValue().length() + " for " + e.getKey());
            }
            e.getValue().assign(s.reshape(e.getValue().shape()));
        }
    }

    /** @return the names of the updated variables */
    List<String> names() {
        return List.copyOf(updaters.keySet());
    }

    /**
     * Applies one update.
     *
     * @param gradients gradients by variable name
     * @param iteration iteration count, from 0
     * @param epoch epoch count, from 0
     */
    void apply(Map<String, INDArray> gradients, int iteration, int epoch) {
        for (Map.Entry<String, GradientUpdater<?>> e : updaters.entrySet()) {
            INDArray g = gradients.get(e.getKey());
            if (g == null) {
                throw new IllegalStateException("no gradient for variable " + e.getKey());
            }
            INDArray param = sd.getVariable(e.getKey()).getArr();
            // The updater's state is a [1, n] row; it works on a flat copy of the gradient.
            INDArray update = g.dup('c').reshape('c', new long[] {1, g.length()});
            e.getValue().applyUpdater(update, iteration, epoch);
            param.subi(update.reshape('c', param.shape()));
        }
    }
}
