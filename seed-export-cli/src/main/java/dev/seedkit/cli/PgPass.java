package dev.seedkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's password file, as libpq reads it: {@code $PGPASSFILE}, else {@code ~/.pgpass}. Each line is
 * {@code hostname:port:database:username:password}; any of the first four fields may be {@code *}, which matches
 * anything; {@code \:} and {@code \\} stand for a colon and a backslash; lines starting with {@code #} are comments.
 * The first matching line wins. As in libpq, a file that others can read is ignored, with a warning.
 */
final class PgPass {

    /** What to look a password up for. */
    record Target(String host, int port, String database, String user) {
    }

    private final Path file;

    private PgPass(Path file) {
        this.file = file;
    }

    /** The password file {@code environment} points to: {@code PGPASSFILE}, else {@code .pgpass} in the home. */
    static PgPass of(Environment environment) {
        return new PgPass(environment.variable("PGPASSFILE").map(environment::resolve)
                .orElse(environment.home().resolve(".pgpass")));
    }

    Path file() {
        return file;
    }

    /**
     * The password of the first line matching {@code target}; empty if there is no file or no match.
     *
     * @param warnings receives one line when the file exists but is ignored or unreadable
     */
    Optional<String> lookup(Target target, List<String> warnings) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (readableByOthers()) {
            warnings.add("password file " + file + " has group or world access and is ignored; permissions "
                    + "should be u=rw (0600) or less (chmod 600 " + file + ")");
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Optional<String> password = match(line, target);
                if (password.isPresent()) {
                    return password;
                }
            }
        } catch (IOException e) {
            warnings.add("password file " + file + " could not be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The password if {@code line} matches {@code target}. */
    static Optional<String> match(String line, Target target) {
        if (line.isBlank() || line.startsWith("#")) {
            return Optional.empty();
        }
        List<String> fields = split(line);
        if (fields.size() < 5) {
            return Optional.empty();
        }
        boolean matches = matches(fields.get(0), target.host()) && matches(fields.get(1), String.valueOf(target.port()))
                && matches(fields.get(2), target.database()) && matches(fields.get(3), target.user());
        return matches ? Optional.of(fields.get(4)) : Optional.empty();
    }

    /**
     * Splits on unescaped colons and removes the escapes. Like libpq, the password is everything after the fourth
     * separator, so an unescaped colon in it is kept.
     */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private boolean readableByOthers() {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }
}
