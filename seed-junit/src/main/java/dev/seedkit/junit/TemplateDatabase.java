package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database seeded once per server and copied for tests ({@code CREATE DATABASE ... TEMPLATE}). Lives in JUnit's
 * root store, so one instance serves the whole run, and is dropped when the run ends unless
 * {@value SeedkitExtension#KEEP_TEMPLATES_PROPERTY} is {@code true}.
 *
 * <p>The name, {@code seedkit_tpl_<16 hex digits>}, comes from the {@link TemplateRecipe#fingerprint() recipe}, so
 * another JVM using the same server finds the template instead of seeding its own. Building and copying happen
 * under a PostgreSQL advisory lock derived from the same fingerprint, which serialises threads, forks and JVMs. A
 * template counts as built only once its {@link TemplateMarker comment} says so; a database of that name without
 * it was left by an interrupted build and is dropped and rebuilt. Nobody connects to a finished template (it is
 * sealed with {@code ALLOW_CONNECTIONS false}), because PostgreSQL refuses to copy a database in use.
 *
 * <p>It also keeps the {@link ConnectionPool}s its clones are reached through, and closes them when it closes.
 */
final class TemplateDatabase implements StoredResource {

    private static final Logger log = LoggerFactory.getLogger(TemplateDatabase.class);
    private static final String NAME_PREFIX = "seedkit_tpl_";
    private static final AtomicInteger SEEDINGS = new AtomicInteger();
    private static final String FEATURE_NOT_SUPPORTED = "0A000";

    private final PostgresServer server;
    private final TemplateRecipe recipe;
    private final boolean keep;
    private final boolean warm;
    private final String keptBy;
    private final String name;
    private final long lockKey;
    private final List<ConnectionPool> pools = new CopyOnWriteArrayList<>();
    private final Queue<ConnectionPool> freePools = new ConcurrentLinkedQueue<>();
    private final AtomicInteger poolNumbers = new AtomicInteger();
    private final RunOwnership owner;
    private final ReadyClones clones;
    private final CloneStrategy strategy;
    private volatile TemplateMarker marker;
    private volatile SeedException failure;
    private boolean closed;

    /**
     * The template of {@code recipe} on {@code server}: kept after the run if {@code settings} keep templates or the
     * server outlives the run (a warm embedded cluster, a reused container), with {@code settings.readyClones()}
     * copies made ahead.
     */
    TemplateDatabase(PostgresServer server, TemplateRecipe recipe, SeedSettings settings, RunOwnership owner) {
        this.server = server;
        this.owner = owner;
        this.recipe = recipe;
        this.warm = settings.server().warm();
        this.keep = settings.keepTemplates() || settings.server().outlivesTheRun();
        this.keptBy = settings.server().outlivesTheRun() ? settings.server().keptBy()
                : SeedkitExtension.KEEP_TEMPLATES_PROPERTY;
        int readyClones = settings.readyClones();
        String digits = recipe.fingerprint().substring(0, 16);
        this.name = NAME_PREFIX + digits;
        this.lockKey = Long.parseUnsignedLong(digits, 16);
        this.clones = new ReadyClones(this, readyClones);
        this.strategy = new CloneStrategy(name);
    }

    /** How copies of this template are made, chosen by timing the first ones. */
    CloneStrategy strategy() {
        return strategy;
    }

    /** Copies of this template made ahead of need, and dropped after use, off the tests' path. */
    ReadyClones clones() {
        return clones;
    }

    /** How many templates this JVM has seeded (built, not reused) so far; for tests. */
    static int seedings() {
        return SEEDINGS.get();
    }

    String name() {
        return name;
    }

    PostgresServer server() {
        return server;
    }

    /** What seeding reported, once this run has built or found the template. */
    Optional<TemplateMarker> marker() {
        return Optional.ofNullable(marker);
    }

    /**
     * A fresh name for a clone of this template: {@code seedkit_<8 hex digits of the template>_<the run's owner
     * tag>_<8 random>}, so that a later run can tell the copies of a run that is gone ({@link RunOwnership}).
     */
    String newCloneName() {
        return "seedkit_" + name.substring(NAME_PREFIX.length(), NAME_PREFIX.length() + 8) + "_" + owner.tag() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A pool no clone uses now, a new one if all are taken. */
    ConnectionPool takePool() {
        ConnectionPool free = freePools.poll();
        if (free != null) {
            return free;
        }
        ConnectionPool pool = new ConnectionPool(server, "seedkit-pool-" + name.substring(NAME_PREFIX.length(),
                NAME_PREFIX.length() + 8) + "-" + poolNumbers.incrementAndGet());
        pools.add(pool);
        return pool;
    }

    /** Makes {@code pool}, which serves no clone any more, free for the next clone. */
    void giveBack(ConnectionPool pool) {
        freePools.add(pool);
    }

    /**
     * Seeds the template, or finds a complete one an earlier run or another JVM left on the server; once this run
     * has one, returns at once. The extension calls it when a class first needs the template.
     */
    void build() {
        if (marker == null) {
            underLock("build template " + name, this::ensureBuilt);
        }
    }

    /**
     * Creates database {@code clone} from this template. If the template is gone (another JVM that did not keep it
     * dropped it at the end of its run), it is built again first.
     */
    void cloneInto(String clone) {
        underLock("copy template " + name + " into " + clone, maintenance -> {
            ensureBuilt(maintenance);
            int version = maintenance.getMetaData().getDatabaseMajorVersion();
            while (true) {
                CloneStrategy.Method method = strategy().next(version);
                long started = System.nanoTime();
                try {
                    DatabaseAdmin.create(maintenance, clone, name, method);
                } catch (SQLException e) {
                    if (method != CloneStrategy.Method.FILE_CLONE || !FEATURE_NOT_SUPPORTED.equals(e.getSQLState())) {
                        throw e;
                    }
                    strategy().refused(method, e.getMessage());
                    continue;
                }
                strategy().record(method, System.nanoTime() - started, version);
                return;
            }
        });
    }

    /** What is done on the maintenance connection while holding the template's advisory lock. */
    private interface LockedWork {
        void run(Connection maintenance) throws SQLException;
    }

    private void underLock(String what, LockedWork work) {
        SeedException earlier = failure;
        if (earlier != null) {
            throw new SeedException(earlier.code(), "Template " + name + " could not be seeded earlier in this run: "
                    + earlier.getMessage(), earlier);
        }
        try (Connection maintenance = DatabaseAdmin.maintenance(server)) {
            DatabaseAdmin.lock(maintenance, lockKey);
            try {
                work.run(maintenance);
            } finally {
                DatabaseAdmin.unlock(maintenance, lockKey);
            }
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not " + what + " on " + server.description()
                    + ": " + e.getMessage(), e);
        }
    }

    private void ensureBuilt(Connection maintenance) throws SQLException {
        Optional<String> comment = DatabaseAdmin.comment(maintenance, name);
        Optional<TemplateMarker> found = comment.flatMap(TemplateMarker::parse);
        if (found.isPresent()) {
            if (marker == null) {
                marker = found.get();
                recordUse(maintenance);
                log.info("Using template {} ({}) on {}, seeded by an earlier run{}", name, recipe.description(),
                        server.description(), warm ? " and kept in the warm cluster: no schema initialisation, no "
                                + "seeding (" + SeedkitExtension.WARM_PROPERTY + "=false for a fresh cluster)" : "");
            }
            return;
        }
        if (comment.isPresent()) {
            log.warn("Template {} on {} is incomplete (an earlier build was interrupted): dropping and rebuilding it",
                    name, server.description());
            DatabaseAdmin.drop(maintenance, name);
        }
        build(maintenance);
    }

    private void build(Connection maintenance) throws SQLException {
        long started = System.nanoTime();
        DatabaseAdmin.create(maintenance, name, null);
        SeedOutcome outcome;
        try {
            outcome = recipe.applyTo(new SimpleDataSource(() -> server.connect(name), name));
        } catch (Exception e) {
            DatabaseAdmin.drop(maintenance, name);
            failure = e instanceof SeedException seed ? seed : new SeedException(SeedException.Code.DATABASE,
                    "Seeding template " + name + " (" + recipe.description() + ") failed: " + e, e);
            throw failure;
        }
        TemplateMarker built = TemplateMarker.of(recipe.identity(), outcome);
        int leftovers = DatabaseAdmin.seal(maintenance, name, built.toComment());
        if (leftovers > 0) {
            log.warn("{} connection(s) to template {} were still open after seeding and have been closed; close the "
                    + "connections your SchemaInitializer opens", leftovers, name);
        }
        marker = built;
        recordUse(maintenance);
        SEEDINGS.incrementAndGet();
        log.info("Seeded template {} ({}) on {} in {} ms", name, recipe.description(), server.description(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void recordUse(Connection maintenance) throws SQLException {
        if (warm) {
            WarmTemplates.used(maintenance, name);
        }
    }

    /**
     * Drops the copies nobody took (after the ones being made or dropped), closes its clones' connection pools and
     * drops the template, unless templates are kept; waits for other JVMs copying it. A second call does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        clones.close();
        pools.forEach(ConnectionPool::close);
        log.debug("Closed the {} connection pool(s) of template {}'s clones", pools.size(), name);
        if (keep) {
            log.info("Keeping template {} on {} ({}=true)", name, server.description(),
                    keptBy);
            return;
        }
        try (Connection maintenance = DatabaseAdmin.maintenance(server)) {
            DatabaseAdmin.lock(maintenance, lockKey);
            try {
                DatabaseAdmin.drop(maintenance, name);
            } finally {
                DatabaseAdmin.unlock(maintenance, lockKey);
            }
        } catch (SQLException e) {
            log.warn("Could not drop template {} on {}: {}", name, server.description(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name + " on " + server.description();
    }
}
