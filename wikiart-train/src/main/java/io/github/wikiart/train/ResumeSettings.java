package io.github.wikiart.train;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.config.KeySchema;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.train.loop.ResumeCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The settings a resume checkpoint records (every {@code data.*} key, the seed and the keys of
 * the trainer's section, as text) and the check that a resumed run uses the same ones: a resumed
 * run equals an uninterrupted one only with the same settings.
 */
public final class ResumeSettings {
    /** The entry of a resume checkpoint's {@code state.json} that holds them. */
    public static final String ENTRY = "settings";

    private ResumeSettings() {
    }

    /**
     * @param data the data settings (with the seed)
     * @param sectionKeys the trainer's section keys
     * @param section writes the trainer's options under those keys
     * @return key to value text, in key order
     */
    public static Map<String, String> of(DataOptions data, List<? extends ConfigKey<?>> sectionKeys,
                                         Consumer<ConfigValues.Builder> section) {
        ConfigValues.Builder b = ConfigValues.builder(KeySchema.of(List.of(DataOptions.KEYS, sectionKeys)));
        data.writeTo(b);
        section.accept(b);
        Map<String, String> m = new TreeMap<>();
        m.put("seed", Long.toString(data.seed()));
        b.build().asMap().forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }

    /**
     * Reads a run's resume checkpoint and checks that it was written with these settings (or
     * differs only in the keys {@code control} allows).
     *
     * @param run the run folder
     * @param codec reads the per-epoch results
     * @param now the settings of the resume
     * @param control the keys allowed to differ
     * @param <R> the per-epoch result
     * @return the checkpoint
     * @throws ConfigException naming every key that differs, with both values
     * @throws IOException when the checkpoint cannot be read
     */
    public static <R> ResumeCheckpoint.Saved<R> checkpoint(RunFolder run, io.github.wikiart.train.loop.ResultCodec<R> codec,
                                                           Map<String, String> now, RunControl control)
            throws IOException {
        ResumeCheckpoint.Saved<R> saved = ResumeCheckpoint.read(run.dir(), codec);
        requireSame(saved.fixed().get(ENTRY), now, control.allowedChanges(), run.dir());
        return saved;
    }

    /**
     * Refuses to resume a run with settings other than those its resume checkpoint recorded, except
     * the allowed keys: the check a job makes before it touches the run folder.
     *
     * @param runDir the run folder
     * @param now the settings of the resume
     * @param allowed keys that may differ
     * @throws ConfigException naming every key that differs, with both values
     * @throws IOException when the checkpoint cannot be read
     */
    public static void requireSame(Path runDir, Map<String, String> now, Set<String> allowed) throws IOException {
        Path state = runDir.resolve(ResumeCheckpoint.FOLDER).resolve(ResumeCheckpoint.STATE);
        if (!Files.isRegularFile(state)) {
            throw new NoSuchFileException(state.toString(), null, "no resume checkpoint: nothing to resume");
        }
        requireSame(Json.read(state).get(ENTRY), now, allowed, runDir);
    }

    /**
     * Refuses to resume with settings other than the recorded ones, except the allowed keys.
     *
     * @param recorded what the checkpoint recorded under {@link #ENTRY}
     * @param now the settings of the resume
     * @param allowed keys that may differ
     * @param runDir the run, for the message
     * @throws ConfigException naming every key that differs, with both values
     */
    public static void requireSame(Object recorded, Map<String, String> now, Set<String> allowed, Path runDir) {
        if (!(recorded instanceof Map<?, ?> before)) {
            throw new ConfigException(runDir + ": the resume checkpoint records no settings");
        }
        List<String> differ = new ArrayList<>();
        Map<String, Object> all = new LinkedHashMap<>();
        before.forEach((k, v) -> all.put(String.valueOf(k), v));
        now.keySet().forEach(k -> all.putIfAbsent(k, null));
        for (Map.Entry<String, Object> e : all.entrySet()) {
            String was = e.getValue() == null ? null : String.valueOf(e.getValue());
            String is = now.get(e.getKey());
            if (!Objects.equals(was, is) && !allowed.contains(e.getKey())) {
                differ.add(e.getKey() + " (was " + was + ", now " + is + ")");
            }
        }
        if (!differ.isEmpty()) {
            throw new ConfigException("cannot resume " + runDir + " with other settings: " + String.join(", ", differ)
                    + "; use the run's own configuration, or allow the change with --allow-change KEY");
        }
    }
}
