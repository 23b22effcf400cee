package io.github.wikiart.data;

/** Python 3's {@code round(x)}: to the nearest integer, halves to the even neighbour. */
public final class PythonRound {
    private PythonRound() {
    }

    /**
     * Rounds half to even, as Python's {@code round} (50.5 gives 50, 51.5 gives 52).
     *
     * @param x the value
     * @return the nearest integer, ties to even
     */
    public static long halfEven(double x) {
        return (long) Math.rint(x);
    }
}
