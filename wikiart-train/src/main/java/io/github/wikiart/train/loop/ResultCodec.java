package io.github.wikiart.train.loop;

import java.util.Map;

/**
 * Turns a loop's per-epoch result into JSON values and back, so a resumed run gets the results of
 * the epochs before its interruption (for its summary, metrics file, plots and best epoch).
 * {@code decode(encode(r))} must equal {@code r} in every number the run reports.
 *
 * @param <R> the per-epoch result
 */
public interface ResultCodec<R> {
    /**
     * @param result an epoch's result
     * @return it as JSON values (maps, lists, strings, numbers)
     */
    Map<String, Object> encode(R result);

    /**
     * @param json values written by {@link #encode}
     * @return the result
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    R decode(Map<String, Object> json);

    /**
     * A double written so that it reads back bit for bit, infinities and NaN included.
     *
     * @param v the value
     * @return its text
     */
    static String exact(double v) {
        return Double.toString(v);
    }

    /**
     * @param json a map written by {@link #encode}
     * @param key a key written with {@link #exact}
     * @return the value
     * @throws IllegalArgumentException naming the key
     */
    static double exact(Map<String, Object> json, String key) {
        Object v = json.get(key);
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' is not a number: " + v, e);
        }
    }
}
