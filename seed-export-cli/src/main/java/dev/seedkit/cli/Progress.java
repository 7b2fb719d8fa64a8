package dev.seedkit.cli;

import java.io.PrintWriter;

/**
 * Progress of a command over its tables, on standard error. On a terminal it is one line redrawn in place with
 * {@code \r} and cleared at the end; elsewhere (CI logs, pipes) each step is a line of its own.
 */
final class Progress implements AutoCloseable {

    private final PrintWriter err;
    private final boolean interactive;
    private final int total;
    private final Redaction redaction;
    private int done;
    private int width;

    Progress(PrintWriter err, boolean interactive, int total, Redaction redaction) {
        this.err = err;
        this.interactive = interactive;
        this.total = total;
        this.redaction = redaction;
    }

    /** Reports the next step, e.g. {@code checked shop.orders (12 rows)}. */
    void step(String what) {
        done++;
        String line = redaction.apply("[" + done + "/" + total + "] " + what);
        if (interactive) {
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = Math.max(width, line.length());
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * Shows what is going on without counting a step, on a terminal only: for work whose steps cannot be seen from
     * here (an import runs in one call); elsewhere the command's result lists the steps instead.
     */
    void status(String what) {
        if (interactive) {
            String line = redaction.apply(what);
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = Math.max(width, line.length());
            err.flush();
        }
    }

    /** Clears the progress line on a terminal. */
    @Override
    public void close() {
        if (interactive && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
