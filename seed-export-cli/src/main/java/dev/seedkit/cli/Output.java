package dev.seedkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's words go. The result goes to standard output: text for people, or with {@code --json} one JSON
 * document and nothing else. Notes, warnings, progress and errors go to standard error. Everything passes through
 * the {@link Redaction} first, so no password reaches either stream.
 */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String command;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean verbose;
    private final boolean interactive;
    private final Redaction redaction;

    Output(String command, PrintWriter out, PrintWriter err, boolean json, boolean verbose, boolean interactive,
            Redaction redaction) {
        this.command = command;
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
        this.interactive = interactive;
        this.redaction = redaction;
    }

    Redaction redaction() {
        return redaction;
    }

    /** A line of the human-readable result; nothing in JSON mode. */
    void line(String text) {
        if (!json) {
            out.print(redaction.apply(text.endsWith("\n") ? text : text + "\n"));
            out.flush();
        }
    }

    /** A note on standard error, shown with {@code --verbose} only. */
    void note(String text) {
        if (verbose) {
            err.println(redaction.apply(text));
            err.flush();
        }
    }

    /** A warning on standard error. */
    void warn(String text) {
        err.println(redaction.apply("warning: " + text));
        err.flush();
    }

    /** The command's JSON result, with {@code command} and {@code ok} first; nothing in text mode. */
    void result(boolean ok, int exitCode, Map<String, Object> fields) {
        if (!json) {
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", command);
        document.put("ok", ok);
        document.put("exitCode", exitCode);
        document.putAll(fields);
        try {
            out.println(redaction.apply(JSON.writeValueAsString(document)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the JSON result", e);
        }
        out.flush();
    }

    /**
     * Reports a failure: one {@code error:} line (the message may continue on further lines) on standard error,
     * the stack trace too with {@code --verbose}, and the JSON error document in JSON mode. Returns {@code exitCode}.
     */
    int fail(int exitCode, String code, String message, Throwable cause) {
        error(message);
        if (verbose && cause != null) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            err.print(redaction.apply(trace.toString()));
        } else if (exitCode == ExitCodes.UNEXPECTED) {
            err.println("Rerun with --verbose for the stack trace, and please report it.");
        }
        err.flush();
        result(false, exitCode, JsonResults.error(code, message));
        return exitCode;
    }

    /** The {@code error:} line alone, for commands that have reported their result already. */
    void error(String message) {
        err.println(redaction.apply("error: " + message));
        err.flush();
    }

    /** Progress over {@code total} steps on standard error. */
    Progress progress(int total) {
        return new Progress(err, interactive, total, redaction);
    }
}
