package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.changes.Baseline;
import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both extensions ({@link SeedAnnotationsExtension} for the annotations, {@link SeedkitExtension} for the
 * builder) do, given where their {@link SeedDeclaration} comes from. All state lives in JUnit stores under
 * {@link #NAMESPACE}:
 *
 * <ul>
 *   <li>root store: the {@link RecipeReads} (snapshots and scripts read once per run), one {@link RunningServer}
 *       per {@link ServerSpec} and the run's {@link RunOwnership} of it, one {@link TemplateDatabase} per server
 *       and recipe, one {@link ClonedDatabase} per template for {@link Isolation#SHARED};</li>
 *   <li>class store: the resolved {@link SeedSettings}, the template, and (per-class isolations) the class's clone
 *       and its {@link SeededDatabaseHandle}; {@code @Nested} classes without a declaration of their own find their
 *       enclosing class's through the store hierarchy;</li>
 *   <li>method store: the method's clone or transaction and handle; connections injected into a method.</li>
 * </ul>
 *
 * JUnit closes stored values in reverse order at the end of their scope: connections and transactions, then clones
 * (dropped), and at the end of the run templates (dropped, with their clones' pools closed) and servers (stopped).
 * Every closeable value stored is a {@link StoredResource}, which every supported JUnit closes, exactly once.
 * Values made on first use go through {@link #computeIfAbsent}, the one store call whose name JUnit 6 changed.
 */
final class SeedLifecycle {

    static final Namespace NAMESPACE = Namespace.create(SeedLifecycle.class);

    private static final Logger log = LoggerFactory.getLogger(SeedLifecycle.class);
    private static final String CONFIGURED = "configured";
    private static final String SETTINGS = "settings";
    private static final String TEMPLATE = "template";
    private static final String CLONE = "clone";
    private static final String TRANSACTION = "transaction";
    private static final String DATABASE = "database";

    /** Which class context was configured by which declaration: a class must not be configured twice. */
    private record Configured(String contextId, String origin) {
    }

    /** The class's template, held without owning it (the root store closes templates). */
    private record TemplateRef(TemplateDatabase template) {
    }

    /** Root-store key of the clone that {@link Isolation#SHARED} classes of one template share. */
    private record SharedCloneKey(TemplateDatabase template) {
    }

    /** Root-store key of the {@link RecipeReads} of one seeder. */
    private record ReadsKey(TemplateSeeder seeder) {
    }

    /** Root-store key of this run's {@link RunOwnership} of a server. */
    private record OwnershipKey(ServerSpec server) {
    }

    /** Root-store key of a template: the server and the recipe's fingerprint. */
    private record TemplateKey(ServerSpec server, String fingerprint) {
    }

    /** A server in the root store, stopped (if Seedkit started it) at the end of the run. */
    private record RunningServer(PostgresServer server) implements StoredResource {
        @Override
        public void close() {
            server.close();
        }
    }

    /** A connection injected into a test method (and its {@code @BeforeEach} methods), closed after the method. */
    private record InjectedConnection(Connection connection) implements StoredResource {
        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new SeedException(SeedException.Code.DATABASE, "Could not close the connection injected into "
                        + "the test: " + e.getMessage(), e);
            }
        }
    }

    private final DeclarationSource declarations;
    private final TemplateSeeder seeder;

    SeedLifecycle(DeclarationSource declarations, TemplateSeeder seeder) {
        this.declarations = declarations;
        this.seeder = seeder;
    }

    /** Resolves the class's settings, prepares its template and, unless each method gets its own, its database. */
    void beforeAll(ExtensionContext context) {
        JupiterVersion.requireSupported();
        Optional<DeclarationSource.Found> found = declarations.find(context);
        if (found.isEmpty() || !found.get().onThisClass()) {
            return; // nothing to seed, or a @Nested class that shares its enclosing class's database
        }
        Store store = context.getStore(NAMESPACE);
        SeedDeclaration declaration = found.get().declaration();
        rejectSecondConfiguration(context, store, declaration);
        SeedSettings settings = new SettingsResolver(context).resolve(declaration);
        store.put(SETTINGS, settings);
        TemplateDatabase template = translated(() -> template(context, settings));
        store.put(TEMPLATE, new TemplateRef(template));
        switch (settings.isolation()) {
            case CLONE_PER_CLASS, ROLLBACK_PER_METHOD -> own(store, template, settings.isolation(),
                    baseline(context, template));
            case SHARED -> store.put(DATABASE, new SeededDatabaseHandle(shared(context, template), Isolation.SHARED,
                    null, baseline(context, template)));
            default -> {
                // CLONE_PER_METHOD: beforeEach clones
            }
        }
    }

    /** Gives the method its own clone ({@link Isolation#CLONE_PER_METHOD}) or transaction (ROLLBACK_PER_METHOD). */
    void beforeEach(ExtensionContext context) {
        Store store = context.getStore(NAMESPACE);
        SeedSettings settings = store.get(SETTINGS, SeedSettings.class);
        if (settings == null) {
            return;
        }
        if (settings.isolation() == Isolation.CLONE_PER_METHOD) {
            TemplateDatabase template = store.get(TEMPLATE, TemplateRef.class).template();
            own(store, template, Isolation.CLONE_PER_METHOD, baseline(context, template));
        } else if (settings.isolation() == Isolation.ROLLBACK_PER_METHOD) {
            ClonedDatabase classClone = store.get(DATABASE, SeededDatabaseHandle.class).clonedDatabase();
            RollbackTransaction transaction = begin(classClone);
            store.put(TRANSACTION, transaction);
            store.put(DATABASE, new SeededDatabaseHandle(classClone, Isolation.ROLLBACK_PER_METHOD, transaction,
                    baseline(context, classClone.template())));
        }
    }

    boolean supportsParameter(ParameterContext parameter) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == Connection.class || type == SeededDatabase.class;
    }

    Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SeededDatabaseHandle database = database(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == SeededDatabase.class) {
            return database;
        }
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (database.transaction() != null) {
            return database.transaction().connection();
        }
        return computeIfAbsent(context.getStore(NAMESPACE), "connection " + context.getUniqueId(),
                key -> new InjectedConnection(open(database)), InjectedConnection.class).connection();
    }

    private void rejectSecondConfiguration(ExtensionContext context, Store store, SeedDeclaration declaration) {
        Configured earlier = store.get(CONFIGURED, Configured.class);
        if (earlier != null && earlier.contextId().equals(context.getUniqueId())) {
            throw new ExtensionConfigurationException(context.getRequiredTestClass().getName() + " is configured "
                    + "twice for Seedkit, by " + earlier.origin() + " and by " + declaration.origin()
                    + ": keep one of them.");
        }
        store.put(CONFIGURED, new Configured(context.getUniqueId(), declaration.origin()));
    }

    /**
     * The class's template: the recipe from files read once per run, the server started on first use, and the
     * template built (seeded) on first use or found built by an earlier run or another JVM.
     */
    private TemplateDatabase template(ExtensionContext context, SeedSettings settings) {
        Store root = context.getRoot().getStore(NAMESPACE);
        RecipeReads reads = computeIfAbsent(root, new ReadsKey(seeder), key -> new RecipeReads(seeder),
                RecipeReads.class);
        TemplateRecipe recipe = TemplateRecipe.prepare(settings, reads);
        PostgresServer server = computeIfAbsent(root, settings.server(), spec -> start(spec), RunningServer.class)
                .server();
        RunOwnership owner = computeIfAbsent(root, new OwnershipKey(settings.server()),
                key -> RunOwnership.claim(server), RunOwnership.class);
        TemplateDatabase template = computeIfAbsent(root, new TemplateKey(settings.server(), recipe.fingerprint()),
                key -> new TemplateDatabase(server, recipe, settings, owner),
                TemplateDatabase.class);
        template.build();
        return template;
    }

    private static RunningServer start(ServerSpec spec) {
        PostgresServer server = spec.start();
        log.info("Seedkit databases live on {}", server.description());
        if (spec.warm()) {
            WarmTemplates.tidy(server);
        }
        return new RunningServer(server);
    }

    private static void own(Store store, TemplateDatabase template, Isolation isolation,
            Supplier<Baseline> baseline) {
        ClonedDatabase clone = translated(() -> ClonedDatabase.of(template));
        store.put(CLONE, clone);
        store.put(DATABASE, new SeededDatabaseHandle(clone, isolation, null, baseline));
    }

    /**
     * The template's seeded rows, for {@link SeededDatabase#changes()}: captured once per template and run, in the
     * root store, from a fresh copy of the template (which is sealed against connections), the first time a test
     * asks; classes that never ask pay nothing.
     */
    private static Supplier<Baseline> baseline(ExtensionContext context, TemplateDatabase template) {
        Store root = context.getRoot().getStore(NAMESPACE);
        return () -> translated(() -> computeIfAbsent(root, new BaselineKey(template),
                key -> captureBaseline(template), Baseline.class));
    }

    private static Baseline captureBaseline(TemplateDatabase template) {
        ClonedDatabase copy = ClonedDatabase.of(template, false);
        try (Connection connection = copy.connect()) {
            return Baseline.capture(connection);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not read the seeded rows of template "
                    + template.name() + " to tell what tests changed: " + e.getMessage(), e);
        } finally {
            copy.close();
        }
    }

    /** The root store's key of a template's {@link Baseline}. */
    private record BaselineKey(TemplateDatabase template) {
    }

    private static ClonedDatabase shared(ExtensionContext context, TemplateDatabase template) {
        return translated(() -> computeIfAbsent(context.getRoot().getStore(NAMESPACE), new SharedCloneKey(template),
                key -> ClonedDatabase.of(template, false), ClonedDatabase.class));
    }

    private static RollbackTransaction begin(ClonedDatabase clone) {
        try {
            return RollbackTransaction.begin(clone);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not start the test's transaction on "
                    + clone + ": " + e.getMessage(), e);
        }
    }

    /** The seeded database of {@code context}'s scope (or the nearest enclosing one), if Seedkit made one. */
    static Optional<SeededDatabase> currentDatabase(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(DATABASE, SeededDatabaseHandle.class));
    }

    private static SeededDatabaseHandle database(ExtensionContext context) {
        Store store = context.getStore(NAMESPACE);
        SeededDatabaseHandle database = store.get(DATABASE, SeededDatabaseHandle.class);
        if (database != null) {
            return database;
        }
        SeedSettings settings = store.get(SETTINGS, SeedSettings.class);
        if (settings != null && settings.isolation() == Isolation.CLONE_PER_METHOD) {
            throw new ParameterResolutionException("With isolation CLONE_PER_METHOD (" + settings.origin()
                    + ") each test method gets its own database, so there is none for @BeforeAll methods or "
                    + "constructors of " + context.getRequiredTestClass().getName() + ": take the parameter in the "
                    + "test method or a @BeforeEach method, or use CLONE_PER_CLASS.");
        }
        throw new ParameterResolutionException("No seeded database for " + context.getDisplayName()
                + ": annotate the test class with @SeedFromFixtures or @SeedTables, or register SeedkitExtension "
                + "in a static field (@RegisterExtension static SeedkitExtension seedkit = ...).");
    }

    private static Connection open(SeededDatabaseHandle database) {
        try {
            return database.clonedDatabase().connect();
        } catch (SQLException e) {
            throw new ParameterResolutionException("Could not open a connection to " + database + ": "
                    + e.getMessage(), e);
        }
    }

    /** Configuration problems found while seeding become {@link ExtensionConfigurationException}s. */
    private static <T> T translated(Supplier<T> action) {
        try {
            return action.get();
        } catch (SeedException e) {
            if (e.code() == SeedException.Code.CONFIGURATION || e.code() == SeedException.Code.SNAPSHOT_NOT_FOUND) {
                throw new ExtensionConfigurationException(e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * The one use of {@code Store.getOrComputeIfAbsent}, which every JUnit from 5.0 to 6.x has: JUnit 6.0 deprecates
     * it for {@code computeIfAbsent}, which JUnit 5 lacks. The two differ only for creators that return null, which
     * these never do. Switch here when JUnit 6 becomes the baseline.
     */
    private static <K, V> V computeIfAbsent(Store store, K key, Function<K, V> creator, Class<V> type) {
        return store.getOrComputeIfAbsent(key, creator, type);
    }
}
