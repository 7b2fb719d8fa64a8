package dev.seedkit.junit;

import dev.seedkit.postgres.EmbeddedPostgres;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServerException;
import dev.seedkit.postgres.PostgresServers;
import dev.seedkit.postgres.PostgresUrl;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Which server to start or find: the resolved {@code kind} (never {@link DatabaseKind#DEFAULT}) with the JDBC URL
 * and credentials ({@link DatabaseKind#URL}) or the image ({@link DatabaseKind#CONTAINER}); unused parts are empty.
 * Equal specs share one server per run. {@link #toString()} leaves the password out ({@link PostgresUrl#redact}).
 */
record ServerSpec(DatabaseKind kind, String url, String user, String password, String image, boolean kept,
                  String cacheDirectory) {

    /** A throwaway embedded server in the default cache directory. */
    static ServerSpec embedded() {
        return embedded(false, "");
    }

    /** An embedded server, {@code warm} or not, in {@code cacheDirectory} ("" for the default). */
    static ServerSpec embedded(boolean warm, String cacheDirectory) {
        return new ServerSpec(DatabaseKind.EMBEDDED, "", "", "", "", warm, cacheDirectory);
    }

    static ServerSpec url(String url, String user, String password) {
        return new ServerSpec(DatabaseKind.URL, url, user, password, "", false, "");
    }

    static ServerSpec container(String image) {
        return container(image, false);
    }

    /** A container of {@code image}, reused across runs (left running, found again) or not. */
    static ServerSpec container(String image, boolean reuse) {
        return new ServerSpec(DatabaseKind.CONTAINER, "", "", "", image, reuse, "");
    }

    /** An embedded server whose cluster is kept between runs ({@value SeedkitExtension#WARM_PROPERTY}). */
    boolean warm() {
        return kind == DatabaseKind.EMBEDDED && kept;
    }

    /** Whether the server outlives the run (a warm cluster, a reused container), and so the templates on it. */
    boolean outlivesTheRun() {
        return kept;
    }

    /** The setting that makes the server outlive the run. */
    String keptBy() {
        return kind == DatabaseKind.CONTAINER ? SeedkitExtension.CONTAINER_REUSE_PROPERTY
                : SeedkitExtension.WARM_PROPERTY;
    }

    /** Starts or finds the server; a failure says what to do. */
    PostgresServer start() {
        try {
            return switch (kind) {
                case EMBEDDED -> embeddedBuilder().start();
                case URL -> PostgresServers.external(url, user.isEmpty() ? null : user,
                        password.isEmpty() ? null : password);
                case CONTAINER -> PostgresServers.container(image, kept);
                case DEFAULT -> throw new IllegalStateException("unresolved database kind");
            };
        } catch (PostgresServerException e) {
            throw new ExtensionConfigurationException("Seedkit could not get its PostgreSQL server (database = "
                    + kind + "): " + e.getMessage() + (kind != DatabaseKind.CONTAINER ? "" : " To use another server, "
                    + "set database = EMBEDDED or URL on the annotation, or the configuration parameter "
                    + SeedkitExtension.DATABASE_PROPERTY + "."), e);
        }
    }

    private EmbeddedPostgres.Builder embeddedBuilder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().warm(kept);
        return cacheDirectory.isEmpty() ? builder : builder.cacheDirectory(Path.of(cacheDirectory));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case URL -> "URL " + PostgresUrl.redact(url, List.of(password)) + " as " + user;
            case CONTAINER -> "CONTAINER " + image + (kept ? " (reused)" : "");
            case EMBEDDED -> kept ? "EMBEDDED (warm)" : "EMBEDDED";
            default -> kind.name();
        };
    }
}
