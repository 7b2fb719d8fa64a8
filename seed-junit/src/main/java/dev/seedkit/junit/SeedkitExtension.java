package dev.seedkit.junit;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.EmbeddedPostgres;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The programmatic twin of {@link SeedFromFixtures} and {@link SeedTables}, for settings computed in code; it runs
 * the same code as the annotations.
 *
 * <pre>{@code
 * class OrderTotalsTests {
 *     @RegisterExtension
 *     static SeedkitExtension seedkit = SeedkitExtension.builder()
 *             .snapshot("classpath:fixtures/demo")
 *             .tables("orders")
 *             .isolation(Isolation.ROLLBACK_PER_METHOD)
 *             .build();
 *
 *     @Test
 *     void sumsOpenOrders(Connection connection) throws SQLException { ... }
 * }
 * }</pre>
 *
 * <p>Register it in a {@code static} field: it seeds in {@code beforeAll}. {@code @Nested} classes share the
 * registering class's database. A class is configured either by annotation or by this extension, not both.
 *
 * <p>The constants name the configuration parameters (in {@code junit-platform.properties}, as system properties,
 * or given to the launcher) that attributes left at their defaults fall back to.
 */
public final class SeedkitExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** Snapshot location used when none is given ({@code classpath:...} or a path); no built-in value. */
    public static final String SNAPSHOT_PROPERTY = "seedkit.snapshot";
    /** Comma-separated init scripts used when none are given; built-in: none. */
    public static final String INIT_SCRIPTS_PROPERTY = "seedkit.initScripts";
    /** Class name of the {@link SchemaInitializer} used when none is given; built-in: none. */
    public static final String INITIALIZER_PROPERTY = "seedkit.initializer";
    /** {@link ImportMode} (case-insensitive) used for {@link ImportMode#DEFAULT}; built-in: insert_missing. */
    public static final String MODE_PROPERTY = "seedkit.mode";
    /** {@link Isolation} (case-insensitive) used for {@link Isolation#DEFAULT}; built-in: clone_per_class. */
    public static final String ISOLATION_PROPERTY = "seedkit.isolation.default";
    /**
     * {@link DatabaseKind} ({@code embedded}, {@code container} or {@code url}) used for {@link DatabaseKind#DEFAULT};
     * then the environment variable {@code SEEDKIT_DATABASE}; built-in: url if a JDBC URL is configured, else embedded.
     */
    public static final String DATABASE_PROPERTY = "seedkit.database";
    /** JDBC URL of the server for {@link DatabaseKind#URL}; then the environment variable {@code SEEDKIT_JDBC_URL}. */
    public static final String JDBC_URL_PROPERTY = "seedkit.jdbc.url";
    /** User for {@link DatabaseKind#URL}; then {@code SEEDKIT_JDBC_USER}, then the URL, then {@code postgres}. */
    public static final String JDBC_USER_PROPERTY = "seedkit.jdbc.user";
    /** Password for {@link DatabaseKind#URL}; then {@code SEEDKIT_JDBC_PASSWORD}, then the URL. Never logged. */
    public static final String JDBC_PASSWORD_PROPERTY = "seedkit.jdbc.password";
    /** Image for {@link DatabaseKind#CONTAINER}; then {@code SEEDKIT_CONTAINER_IMAGE}, then {@code postgres:18}. */
    public static final String CONTAINER_IMAGE_PROPERTY = "seedkit.container.image";
    /**
     * {@code true} reuses one seeded container across Maven modules and runs ({@link DatabaseKind#CONTAINER}): the
     * container is left running when the run ends, with its templates, and the next run (the next module of the
     * build, the next build) finds it and its template, so it skips container start and seeding; each class still
     * gets its own copy. Testcontainers' reuse must be enabled on the machine ({@code testcontainers.reuse.enable=true}
     * in {@code ~/.testcontainers.properties}, or {@code TESTCONTAINERS_REUSE_ENABLE=true}); without it a warning
     * says so and the container lives for one run. Then {@code SEEDKIT_CONTAINER_REUSE}; built-in: {@code false}.
     */
    public static final String CONTAINER_REUSE_PROPERTY = "seedkit.container.reuse";
    /**
     * {@code true} keeps template databases when the run ends, so later runs against the same server (a
     * developer's local PostgreSQL, a reused container) skip seeding; built-in: {@code false}, templates are dropped.
     * Templates are named after everything that goes into them, so a changed snapshot or script gets a new one;
     * drop old ones with {@code DROP DATABASE} when they pile up.
     */
    public static final String KEEP_TEMPLATES_PROPERTY = "seedkit.keepTemplates";
    /**
     * {@code true} (built-in) keeps the embedded server's cluster and its seeded templates in the cache directory
     * between runs, so that running a test class again skips {@code initdb}, schema initialisation and seeding (a
     * template is reused only while everything that goes into it is unchanged). Each JVM running at the same time
     * gets a cluster of its own; at start-up everything but the {@value WarmTemplates#KEPT} templates used last is
     * dropped. {@code false}: a throwaway cluster per run. Only for {@link DatabaseKind#EMBEDDED}.
     */
    public static final String WARM_PROPERTY = "seedkit.embedded.warm";
    /**
     * Directory the embedded server's binaries are unpacked into and its clusters live in; built-in: the system
     * property of the same name, else {@code <tmp>/seedkit-postgres}. Must be reachable by the server's account.
     */
    public static final String CACHE_DIR_PROPERTY = EmbeddedPostgres.CACHE_DIR_PROPERTY;
    /**
     * Natural keys to match rows by, for tables whose rows the schema initialiser inserts with ids of its own (a
     * migration's {@code order_status}, {@code roles}): {@code TABLE=COLUMNS} entries separated by {@code ;}, e.g.
     * {@code public.order_status=code; public.tags=team_id,label}. A snapshot row whose natural key the template
     * holds already is that row, and the snapshot's references to it are rewritten to its id. Entries for tables a
     * snapshot does not have are ignored; natural keys in a snapshot's manifest apply without this. Built-in: none.
     */
    public static final String NATURAL_KEYS_PROPERTY = "seedkit.naturalKeys";
    /**
     * How many copies of each template are made ahead of need on a background thread, so that a test class (or
     * method, with {@link Isolation#CLONE_PER_METHOD}) takes a database that exists already; copies are dropped on
     * that thread too, and those nobody took at the end of the run. {@code 0} copies and drops on the test's path.
     * Built-in: {@value #DEFAULT_READY_CLONES}.
     */
    public static final String READY_CLONES_PROPERTY = "seedkit.readyClones";
    /** The built-in value of {@link #READY_CLONES_PROPERTY}. */
    public static final int DEFAULT_READY_CLONES = 2;

    private final Builder settings;
    private final SeedLifecycle lifecycle;

    private SeedkitExtension(Builder settings, TemplateSeeder seeder) {
        this.settings = settings;
        this.lifecycle = new SeedLifecycle(this::declarationFor, seeder);
    }

    /** A builder with every setting at its default (the configuration parameters, then built-in values). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The seeded database of a test class or method, for integrations that hand it to a framework (seed-spring
     * points a Spring context's {@code DataSource} at it): present once Seedkit's {@code beforeAll} (class) or
     * {@code beforeEach} (method) callback has run for {@code context} or an enclosing scope; empty where Seedkit
     * seeds nothing, and at class level with {@link Isolation#CLONE_PER_METHOD}. The database belongs to that
     * scope: it is dropped when the scope ends, so do not keep it beyond.
     */
    public static Optional<SeededDatabase> seededDatabase(ExtensionContext context) {
        return SeedLifecycle.currentDatabase(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        lifecycle.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lifecycle.beforeEach(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return lifecycle.supportsParameter(parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lifecycle.resolveParameter(parameter, context);
    }

    private Optional<DeclarationSource.Found> declarationFor(ExtensionContext classContext) {
        SeedDeclaration declaration = new SeedDeclaration("SeedkitExtension in "
                + classContext.getRequiredTestClass().getName(), settings.snapshot, settings.tables, settings.version,
                settings.checksum, settings.mode, settings.initScripts, settings.initializer, settings.isolation,
                settings.database);
        return Optional.of(new DeclarationSource.Found(declaration,
                DeclarationSource.enclosingTestClasses(classContext).isEmpty()));
    }

    /** Settings of a {@link SeedkitExtension}; each mirrors the annotation attribute of the same name. */
    public static final class Builder {
        private String snapshot = "";
        private List<String> tables = List.of();
        private String version = "";
        private String checksum = "";
        private ImportMode mode = ImportMode.DEFAULT;
        private List<String> initScripts = List.of();
        private Class<? extends SchemaInitializer> initializer = SchemaInitializer.class;
        private Isolation isolation = Isolation.DEFAULT;
        private DatabaseKind database = DatabaseKind.DEFAULT;
        private TemplateSeeder seeder = SnapshotSeeder.INSTANCE;

        private Builder() {
        }

        /** Where the snapshot is ({@code classpath:...} or a path); default {@value #SNAPSHOT_PROPERTY}. */
        public Builder snapshot(String location) {
            this.snapshot = Objects.requireNonNull(location, "location");
            return this;
        }

        /** Imports only these tables and the tables they reference; default: the whole snapshot. */
        public Builder tables(String... names) {
            this.tables = List.of(names);
            return this;
        }

        /** Pins the snapshot version; a different one fails the class. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Pins the snapshot checksum; a different one fails the class. */
        public Builder checksum(String checksum) {
            this.checksum = Objects.requireNonNull(checksum, "checksum");
            return this;
        }

        public Builder mode(ImportMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** SQL scripts ({@code classpath:...} or paths) that create the schema, in order. */
        public Builder initScripts(String... locations) {
            this.initScripts = List.of(locations);
            return this;
        }

        /** Code that creates the schema, run after the init scripts. */
        public Builder initializer(Class<? extends SchemaInitializer> initializer) {
            this.initializer = Objects.requireNonNull(initializer, "initializer");
            return this;
        }

        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        public Builder database(DatabaseKind database) {
            this.database = Objects.requireNonNull(database, "database");
            return this;
        }

        /** Replaces the snapshot importer; for Seedkit's own tests. */
        Builder seeder(TemplateSeeder seeder) {
            this.seeder = Objects.requireNonNull(seeder, "seeder");
            return this;
        }

        /** The extension, with a copy of these settings. */
        public SeedkitExtension build() {
            Builder copy = new Builder();
            copy.snapshot = snapshot;
            copy.tables = tables;
            copy.version = version;
            copy.checksum = checksum;
            copy.mode = mode;
            copy.initScripts = initScripts;
            copy.initializer = initializer;
            copy.isolation = isolation;
            copy.database = database;
            return new SeedkitExtension(copy, seeder);
        }
    }
}
