package dev.seedkit.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command reads from outside its arguments: environment variables, the working and home directories, the
 * operating-system user, and the terminal if there is one. {@link #system()} is the real one; tests build their own,
 * so that variables such as {@code SEEDKIT_URL} or {@code PGPASSFILE} can be set without touching the JVM's.
 */
final class Environment {

    /** Reads a password from the user without echoing it; present only when attached to a terminal. */
    interface Terminal {
        char[] readPassword(String prompt);
    }

    private final Map<String, String> variables;
    private final Path workingDirectory;
    private final Path home;
    private final String userName;
    private final Terminal terminal;

    Environment(Map<String, String> variables, Path workingDirectory, Path home, String userName,
            Terminal terminal) {
        this.variables = Map.copyOf(variables);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.home = home;
        this.userName = userName;
        this.terminal = terminal;
    }

    /** The process's environment; interactive when {@link System#console()} is there (stdin and stdout a tty). */
    static Environment system() {
        Console console = System.console();
        Terminal terminal = console == null ? null : prompt -> console.readPassword("%s", prompt);
        return new Environment(System.getenv(), Path.of(""), Path.of(System.getProperty("user.home")),
                System.getProperty("user.name"), terminal);
    }

    /** A non-interactive environment with exactly these variables and system user {@code seedkit}, for tests. */
    static Environment of(Map<String, String> variables, Path workingDirectory, Path home) {
        return new Environment(variables, workingDirectory, home, "seedkit", null);
    }

    /** The same environment attached to {@code terminal}. */
    Environment withTerminal(Terminal terminal) {
        return new Environment(variables, workingDirectory, home, userName, Objects.requireNonNull(terminal));
    }

    /** The variable's value, if it is set and not blank. */
    Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    Path home() {
        return home;
    }

    /** The operating-system user, PostgreSQL's default role name. */
    String userName() {
        return userName;
    }

    /** Whether a person is at a terminal: then progress lines are redrawn in place and passwords may be asked. */
    boolean interactive() {
        return terminal != null;
    }

    Optional<Terminal> terminal() {
        return Optional.ofNullable(terminal);
    }

    /** Resolves a path the user typed against the working directory. */
    Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
