package dev.seedkit.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system account the embedded server's processes run as.
 *
 * <p>PostgreSQL's {@code initdb} and {@code postgres} refuse to run as root, yet builds often do (CI images,
 * Docker containers). When the JVM is root, the server runs as an unprivileged account ({@code nobody} unless
 * configured) through {@code setpriv}, which replaces itself with the server process so that signals reach the
 * postmaster directly; {@code runuser} is the fallback. Otherwise the server runs as the JVM's own user.
 */
final class ServerAccount {

    private final String user;
    private final List<String> prefix;

    private ServerAccount(String user, List<String> prefix) {
        this.user = user;
        this.prefix = prefix;
    }

    static ServerAccount detect(String unprivilegedUser, PostgresPlatform platform) {
        if (platform.isWindows() || !isRoot()) {
            return new ServerAccount(null, List.of()); // Windows has no root; run the build unelevated
        }
        if (!platform.isLinux()) {
            throw new PostgresServerException("The build runs as root and PostgreSQL refuses to run as root: run the "
                    + "build as an ordinary user, or set SEEDKIT_JDBC_URL to use a running server.");
        }
        String gid = run("id", "-g", unprivilegedUser);
        if (onPath("setpriv")) {
            return new ServerAccount(unprivilegedUser,
                    List.of("setpriv", "--reuid=" + unprivilegedUser, "--regid=" + gid, "--clear-groups", "--"));
        }
        if (onPath("runuser")) {
            return new ServerAccount(unprivilegedUser, List.of("runuser", "-u", unprivilegedUser, "--"));
        }
        throw new PostgresServerException("The build runs as root and PostgreSQL refuses to run as root, but neither "
                + "setpriv nor runuser (util-linux) is installed to start it as '" + unprivilegedUser + "'. Install "
                + "util-linux, run the build as an ordinary user, or set SEEDKIT_JDBC_URL to use a running server.");
    }

    /** Wraps {@code command} so it runs as this account. */
    List<String> command(List<String> command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        return all;
    }

    /** Hands {@code dir} to the account, so the server can write its data there. */
    void own(Path dir) throws IOException {
        if (user == null) {
            return;
        }
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName(user));
    }

    /**
     * Fails with the reason unless the account owns {@code dir} and can reach and write it (every parent directory
     * searchable by it). Only checked when the server runs as another account; otherwise PostgreSQL says it.
     */
    void checkCanUse(Path dir) throws IOException {
        if (user == null) {
            return;
        }
        String owner = Files.getOwner(dir).getName();
        if (!owner.equals(user)) {
            throw new PostgresServerException("The PostgreSQL data directory " + dir + " belongs to '" + owner
                    + "', but the server runs as '" + user + "' (the build runs as root): chown -R " + user + " "
                    + dir + ", or delete it to start afresh.");
        }
        List<String> probe = command(List.of("test", "-w", dir.toString(), "-a", "-x", dir.toString()));
        if (exitCode(probe) != 0) {
            throw new PostgresServerException("The PostgreSQL data directory " + dir + " cannot be reached by '"
                    + user + "', the account the server runs as (the build runs as root): every parent directory "
                    + "must be searchable by it, which a 0700 home such as /root is not. Choose a directory under "
                    + "/var/tmp, /tmp or /srv, for example.");
        }
    }

    /** Account name for log lines: the unprivileged user, or "the current user". */
    String describe() {
        return user == null ? "the current user" : "'" + user + "' (the build runs as root)";
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : (path + ":/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int exitCode(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresServerException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new PostgresServerException("'" + String.join(" ", command) + "' failed: " + out
                        + ". Set seedkit.embedded.user (or SEEDKIT_EMBEDDED_USER) to an existing unprivileged "
                        + "account.");
            }
            return out;
        } catch (IOException e) {
            throw new PostgresServerException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresServerException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
