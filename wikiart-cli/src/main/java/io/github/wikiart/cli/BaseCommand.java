package io.github.wikiart.cli;

/** A command's fixed texts, given once to the constructor instead of one method each. */
abstract class BaseCommand implements Command {
    private final String name;
    private final String summary;
    private final String arguments;
    private final String example;

    /**
     * @param name the words that select it
     * @param summary one line saying what it does
     * @param arguments the usage line's arguments after the options, or empty
     * @param example example invocations, one per line
     */
    BaseCommand(String name, String summary, String arguments, String example) {
        this.name = name;
        this.summary = summary;
        this.arguments = arguments;
        this.example = example;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final String arguments() {
        return arguments;
    }

    @Override
    public final String example() {
        return example;
    }
}
