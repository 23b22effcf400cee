package io.github.wikiart.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The {@code wikiart} command line: finds the command named by the first words, parses its
 * options, runs it and maps failures to exit codes (0 success, 2 user error, 1 internal error).
 */
public final class Cli {
    private final List<Command> commands;
    private final Console console;

    /**
     * @param commands the available commands
     * @param console where to print
     */
    public Cli(List<Command> commands, Console console) {
        this.commands = List.copyOf(commands);
        this.console = console;
    }

    /**
     * The tool with all its commands.
     *
     * @param console where to print
     * @return the tool
     */
    public static Cli standard(Console console) {
        return new Cli(List.of(new SynthCommand(), new DataStatsCommand(), new ConfigCheckCommand(),
                new ClassifyTrainCommand(), new ClassifyEvalCommand(), new ClassifyPredictCommand(),
                new AutoencoderTrainCommand(), new AutoencoderCompareCommand(), new AutoencoderLatentCommand(),
                new TransferTrainCommand(), new TransferApplyCommand(), new TransferGridCommand(),
                new TransferEvalCommand(), new ReportCommand(), new DemoCommand()),
                console);
    }

    /** @return the commands, in the order of the overview */
    public List<Command> commands() {
        return commands;
    }

    /** @return the version of this build */
    public static String version() {
        try (InputStream in = Cli.class.getResourceAsStream("/wikiart-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Runs the tool.
     *
     * @param args the command line arguments
     * @return the exit code
     */
    public int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printOverview(args.length == 0 ? console.err() : console.out());
            return args.length == 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            console.out().println("wikiart " + version());
            return ExitCodes.OK;
        }
        Command command = find(args);
        if (command == null) {
            console.err().println("wikiart: unknown command '" + String.join(" ", firstWords(args)) + "'"
                    + suggestion(args) + "; run 'wikiart --help' for the list");
            return ExitCodes.USAGE;
        }
        int words = command.name().split(" ").length;
        String[] rest = Arrays.copyOfRange(args, words, args.length);
        Options options = withHelp(command.options());
        try {
            CommandLine line = new DefaultParser().parse(options, rest);
            if (line.hasOption("help")) {
                printHelp(command);
                return ExitCodes.OK;
            }
            if (line.hasOption("quiet") && line.hasOption("verbose")) {
                throw new UserException("--quiet and --verbose exclude each other");
            }
            if (line.hasOption("verbose")) {
                // slf4j-simple reads its level when the first logger is made, which is after parsing.
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            }
            return command.run(line, line.hasOption("quiet") ? console.quieted() : console);
        } catch (io.github.wikiart.train.loop.TrainingInterruptedException e) {
            console.err().println("wikiart " + command.name() + ": " + e.getMessage());
            e.runDir().ifPresent(dir -> console.err().println("continue with: wikiart " + command.name()
                    + " --resume " + dir));
            return ExitCodes.INTERRUPTED;
        } catch (Exception | OutOfMemoryError e) {
            int code = ExitCodes.of(e);
            if (code == ExitCodes.USAGE) {
                console.err().println("wikiart " + command.name() + ": " + message(e));
                if (e instanceof ParseException) {
                    console.err().println("run 'wikiart " + command.name() + " --help' for usage");
                }
            } else {
                console.err().println("wikiart " + command.name() + ": internal error: " + message(e));
                e.printStackTrace(console.err());
            }
            return code;
        }
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Command find(String[] args) {
        Command best = null;
        for (Command c : commands) {
            String[] words = c.name().split(" ");
            if (words.length <= args.length && Arrays.equals(words, Arrays.copyOf(args, words.length))
                    && (best == null || words.length > best.name().split(" ").length)) {
                best = c;
            }
        }
        return best;
    }

    private static List<String> firstWords(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-") || out.size() == 2) {
                break;
            }
            out.add(a);
        }
        return out;
    }

    private String suggestion(String[] args) {
        String typed = String.join(" ", firstWords(args));
        return commands.stream().map(Command::name)
                .filter(n -> n.startsWith(args[0] + " ") || io.github.wikiart.config.KeySuggester.distance(n, typed) <= 3)
                .findFirst().map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    private static Options withHelp(Options options) {
        Options all = new Options();
        for (Option o : options.getOptions()) {
            all.addOption(o);
        }
        all.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        all.addOption(Option.builder("q").longOpt("quiet").desc("print only results and errors (no progress)").build());
        all.addOption(Option.builder().longOpt("verbose").desc("also print the library's debug log").build());
        return all;
    }

    private void printOverview(java.io.PrintStream out) {
        out.println("wikiart " + version() + ": learn art styles from images with Deeplearning4j");
        out.println();
        out.println("Usage: wikiart <command> [options]     wikiart <command> --help     wikiart --version");
        out.println();
        out.println("Commands:");
        for (Command c : commands) {
            out.printf("  %-16s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("Example:");
        out.println("  wikiart demo");
        out.println("  wikiart synth --out /tmp/styles && wikiart data stats --data /tmp/styles");
        out.println();
        out.println("Benchmarks against PyTorch: ./wikiart bench [--json] [--quick] (module wikiart-bench).");
        out.println("Exit codes: 0 success, 2 user error (bad flag, path or config), 1 internal error.");
    }

    private void printHelp(Command command) {
        var out = console.out();
        String args = command.arguments().isEmpty() ? "" : " " + command.arguments();
        out.println("Usage: wikiart " + command.name() + " [options]" + args);
        out.println();
        out.println(command.summary());
        out.println();
        out.println("Options:");
        List<Option> options = new ArrayList<>(withHelp(command.options()).getOptions());
        options.sort(Comparator.comparing(o -> o.getLongOpt() == null ? o.getOpt() : o.getLongOpt()));
        for (Option o : options) {
            String flag = (o.getOpt() == null ? "    " : "-" + o.getOpt() + ", ") + "--" + o.getLongOpt()
                    + (o.hasArg() ? " " + o.getArgName() : "");
            out.printf("  %-28s %s%n", flag, o.getDescription());
        }
        out.println();
        out.println("Example:");
        for (String line : command.example().split("\n")) {
            out.println("  " + line);
        }
    }
}
