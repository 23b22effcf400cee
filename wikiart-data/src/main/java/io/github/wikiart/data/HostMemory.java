package io.github.wikiart.data;

import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What code that reads or writes an array's memory directly (through {@code data().asNioFloat()})
 * tells ND4J, so that the same code is correct on a GPU backend, where an array has a host and a
 * device copy: before reading, the host copy is brought up to date; after writing, the host copy is
 * marked as the newer one, so the device copy is refreshed before the next operation. On the CPU
 * backend both calls do nothing. {@code HostMemoryTest} checks that every direct access in the
 * sources goes with one of them.
 */
public final class HostMemory {
    private HostMemory() {
    }

    /**
     * Call before reading an array's memory directly.
     *
     * @param array the array about to be read
     * @return the array
     */
    public static INDArray toRead(INDArray array) {
        Nd4j.getAffinityManager().ensureLocation(array, AffinityManager.Location.HOST);
        return array;
    }

    /**
     * Call after writing an array's memory directly.
     *
     * @param array the array just written
     * @return the array
     */
    public static INDArray written(INDArray array) {
        Nd4j.getAffinityManager().tagLocation(array, AffinityManager.Location.HOST);
        return array;
    }
}
