package io.github.wikiart.data;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the calling thread the lowest scheduling priority (Linux nice 19), so that background
 * decoding runs on the cycles training leaves idle instead of delaying training's OpenMP threads:
 * an operation splits its work across the cores and waits for its slowest thread, so a decoder
 * holding one core stalls both. On Linux (x86-64, aarch64) only; elsewhere, or when the call is
 * refused, the thread keeps its priority and nothing else changes.
 */
final class BackgroundPriority {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /** The lowest priority on Linux. */
    static final int NICE = 19;
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    /** The glibc calls used. */
    interface LibC extends Library {
        long syscall(long number);

        int setpriority(int which, int who, int priority);
    }

    /** Loaded on first use; null when not on a supported Linux. */
    private static final class Holder {
        static final LibC LIBC = load();
        static final long SYS_GETTID = Platform.isARM() ? 178 : 186;

        private static LibC load() {
            if (!Platform.isLinux() || !Platform.is64Bit() || !(Platform.isIntel() || Platform.isARM())) {
                return null;
            }
            try {
                return Native.load("c", LibC.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.debug("background priority unavailable: {}", e.toString());
                return null;
            }
        }
    }

    /**
     * Lowers the calling thread's priority to nice {@value #NICE}.
     *
     * @return whether it was lowered
     */
    static boolean lowerCurrentThread() {
        LibC libc = Holder.LIBC;
        if (libc == null) {
            return false;
        }
        long tid = libc.syscall(Holder.SYS_GETTID);
        if (tid <= 0 || libc.setpriority(PRIO_PROCESS, (int) tid, NICE) != 0) {
            LOG.debug("could not lower the priority of thread {}", tid);
            return false;
        }
        return true;
    }
}
