package dev.seedkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code seedkit} in-process, the way the tests of every command do: {@code new CommandLine(new
 * SeedkitCommand(environment)).execute(args)} with captured standard output and error, in an environment of the
 * test's making (variables, working and home directory, terminal or not).
 */
final class Cli {

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** Both streams, for asserting that something appears (or does not) anywhere. */
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private final Map<String, String> variables = new HashMap<>();
    private Path workingDirectory;
    private Path home;
    private Environment.Terminal terminal;

    Cli(Path directory) {
        this.workingDirectory = directory;
        this.home = directory;
    }

    Cli env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Runs in {@code directory} as the working directory. */
    Cli in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    Cli home(Path directory) {
        this.home = directory;
        return this;
    }

    /** Runs as if attached to a terminal that answers password prompts with {@code terminal}. */
    Cli terminal(Environment.Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    Environment environment() {
        Environment environment = Environment.of(variables, workingDirectory, home);
        return terminal == null ? environment : environment.withTerminal(terminal);
    }

    /** Runs {@code seedkit args...} through a plain {@code new CommandLine(new SeedkitCommand(...))}. */
    Result run(String... args) {
        return run(new CommandLine(new SeedkitCommand(environment())), args);
    }

    /** Runs {@code seedkit args...} configured as {@link Main} runs it. */
    Result runAsMain(String... args) {
        return run(SeedkitCommand.commandLine(environment()), args);
    }

    private static Result run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
