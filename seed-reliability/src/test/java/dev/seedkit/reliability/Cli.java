package dev.seedkit.reliability;

import dev.seedkit.cli.SeedkitCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code seedkit} in this JVM as {@code Main} runs it ({@link SeedkitCommand#commandLine()}), with standard
 * output and error captured. Safe to call from several threads: each run has its own command line.
 */
final class Cli {

    private Cli() {
    }

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {

        /** Both streams, to search for something that must (not) appear anywhere. */
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    /** Runs {@code seedkit args...}. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SeedkitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
