package dev.seedkit.postgres;

/**
 * Thrown when a PostgreSQL server cannot be started or reached. The message says what was tried and what to do
 * next (install a tool, set a variable, start Docker); it never contains a password.
 */
public class PostgresServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PostgresServerException(String message) {
        super(message);
    }

    public PostgresServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
