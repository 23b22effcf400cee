package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher ({@code bin/wikiart}), run with a stand-in {@code java} that prints
 * what it was given: it passes the arguments through with the distribution's {@code lib/} on the
 * class path, refuses an old Java with a clear message, and chooses OpenBLAS' kernels only when
 * the user has not.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("src/dist/bin/wikiart").toAbsolutePath();

    private static Path fakeJava(Path dir, int version) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nif [ \"$1\" = \"-version\" ]; then echo 'openjdk version \"" + version
                + ".0.1\" 2024-01-01' >&2; exit 0; fi\necho \"coretype=${OPENBLAS_CORETYPE:-}\"\necho \"args=$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve("jdk");
    }

    private static String run(Path javaHome, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return "exit=" + p.exitValue() + "\n" + out;
    }

    /** What the launcher should choose on this machine, by the rule of the library's OpenBlasKernels. */
    private static String expectedCoreType() throws Exception {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "";
        }
        String flags = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("flags")).findFirst().orElse("");
        List<String> words = List.of(flags.substring(flags.indexOf(':') + 1).trim().split("\\s+"));
        if (words.containsAll(List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"))) {
            return "SkylakeX";
        }
        return words.contains("avx2") && words.contains("fma") ? "Haswell" : "";
    }

    @Test
    void passesArgumentsAndTheLibFolderAndChoosesKernelsOnlyWhenUnset(@TempDir Path dir) throws Exception {
        Path javaHome = fakeJava(dir, 17);
        String out = run(javaHome, Map.of(), "demo", "--out", "x y");
        assertTrue(out.startsWith("exit=0"), out);
        Path lib = LAUNCHER.getParent().getParent().resolve("lib");
        assertTrue(out.contains("args=-cp " + lib + "/* io.github.wikiart.cli.Main demo --out x y"), out);
        assertTrue(out.contains("coretype=" + expectedCoreType() + "\n"), out);

        String chosen = run(javaHome, Map.of("OPENBLAS_CORETYPE", "Sandybridge"), "--version");
        assertTrue(chosen.contains("coretype=Sandybridge\n"), "the user's choice stays: " + chosen);
    }

    @Test
    void refusesJavaOlderThan17(@TempDir Path dir) throws Exception {
        String out = run(fakeJava(dir, 11), Map.of(), "--version");
        assertTrue(out.startsWith("exit=1"), out);
        assertTrue(out.contains("needs Java 17 or newer") && out.contains("Java 11"), out);
        assertEquals(-1, out.indexOf("args="), "nothing was run: " + out);
    }
}
