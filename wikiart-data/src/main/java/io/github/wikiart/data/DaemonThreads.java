package io.github.wikiart.data;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for background work that must never keep the JVM alive. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /**
     * @param prefix thread name prefix
     * @return a factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ...
     */
    public static ThreadFactory named(String prefix) {
        return named(prefix, false);
    }

    /**
     * @param prefix thread name prefix
     * @param background whether each thread lowers its own priority first ({@link BackgroundPriority})
     * @return a factory of daemon threads
     */
    public static ThreadFactory named(String prefix, boolean background) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Runnable body = !background ? runnable : () -> {
                BackgroundPriority.lowerCurrentThread();
                runnable.run();
            };
            Thread thread = new Thread(body, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
