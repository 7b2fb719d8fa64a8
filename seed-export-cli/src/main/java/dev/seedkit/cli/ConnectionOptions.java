package dev.seedkit.cli;

import picocli.CommandLine.Option;

/**
 * How to reach the database: a JDBC URL, a role, and where its password comes from. The password itself is never
 * an option, so it cannot end up in shell history or process lists.
 */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "The database, e.g. "
            + "jdbc:postgresql://localhost:5432/demo. Default: $SEEDKIT_URL, else 'url' in the settings file.")
    String url;

    @Option(names = {"-U", "--user"}, paramLabel = "ROLE", description = "Role to connect as (a user parameter in "
            + "the URL wins). Default: $SEEDKIT_USER, else 'user' in the settings file, else the system user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Name of the environment variable that "
            + "holds the password. Default sources, in order: $SEEDKIT_PASSWORD, $PGPASSWORD, ~/.pgpass (or "
            + "$PGPASSFILE), then a prompt when on a terminal.")
    String passwordEnv;
}
