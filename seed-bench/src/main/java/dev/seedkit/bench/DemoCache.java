package dev.seedkit.bench;

import dev.seedkit.examples.DemoDatabase;
import dev.seedkit.postgres.EmbeddedPostgres;
import dev.seedkit.postgres.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Provides the examples' demo database at a given scale for the export section. With a cache directory, each scale
 * is built once into a PostgreSQL cluster kept under it ({@link EmbeddedPostgres.Builder#dataDirectory}), in an
 * entry named by scale, seed and a hash of the demo's migrations, data scripts and generator class, and later runs
 * start a server on it; an entry whose build did not finish (no {@value #MARKER}) is deleted and built again.
 * Without one, the database is built on the benchmark's own server and dropped after.
 */
final class DemoCache {

    /** Environment variable naming the cache directory. */
    static final String CACHE_ENV = "SEEDKIT_BENCH_CACHE";
    static final String DATABASE = "demo";
    private static final String MARKER = "demo.properties";

    private final BenchContext context;

    DemoCache(BenchContext context) {
        this.context = context;
    }

    /**
     * {@code $SEEDKIT_BENCH_CACHE}, else {@code ~/.cache/seedkit-bench}; as root {@code /var/tmp/seedkit-bench},
     * because the embedded server then runs as an unprivileged account that cannot reach into {@code /root}.
     */
    static Path defaultDirectory() {
        String configured = System.getenv(CACHE_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/tmp/seedkit-bench");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "seedkit-bench");
    }

    /** The demo database at {@code scale}: from the cache (built first if missing), or built on the bench server. */
    DemoSource open(int scale) throws Exception {
        Path cache = context.options().demoCache();
        return cache == null ? buildOnBenchServer(scale) : openCached(cache.toAbsolutePath(), scale);
    }

    private DemoSource buildOnBenchServer(int scale) throws Exception {
        Databases databases = context.databases();
        String name = databases.newName("demo");
        databases.create(name, "template0");
        long started = System.nanoTime();
        Map<String, Long> rows;
        try (Connection c = context.server().connect(name)) {
            DemoDatabase.ofScale(scale).build(c);
            rows = DemoDatabase.rowCounts(c);
        }
        String origin = "built on the benchmark's server in " + ResultTable.duration(System.nanoTime() - started)
                + ", no cache";
        return new DemoSource(scale, context.server(), name, total(rows), rows.size(), origin,
                () -> databases.drop(name));
    }

    private DemoSource openCached(Path cache, int scale) throws Exception {
        Path entry = cache.resolve(String.format("demo-scale%d-seed%d-%s", scale, DemoDatabase.DEFAULT_SEED,
                demoHash()));
        boolean builtNow = !Files.exists(entry.resolve(MARKER));
        if (builtNow) {
            build(cache, entry, scale);
        }
        Properties built = readMarker(entry);
        PostgresServer server = startServer(entry);
        String origin = String.format("%s %s in %s, kept in %s", builtNow ? "built in this run:" : "reused, built on",
                built.getProperty("builtAt"), ResultTable.duration(Long.parseLong(built.getProperty("buildNanos"))),
                entry);
        return new DemoSource(scale, server, DATABASE, Long.parseLong(built.getProperty("rows")),
                Integer.parseInt(built.getProperty("tables")), origin, server::close);
    }

    private void build(Path cache, Path entry, int scale) throws Exception {
        context.progress("5. export: BUILDING the demo database at scale %,d (once; later runs reuse it) in %s",
                scale, entry);
        long started = System.nanoTime();
        StartupBench.deleteTree(entry);
        createReachable(cache);
        createReachable(entry);
        Map<String, Long> rows;
        try (PostgresServer server = startServer(entry)) {
            try (Connection admin = server.connect(server.defaultDatabase())) {
                Databases.execute(admin, "CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8' "
                        + "LC_COLLATE 'C' LC_CTYPE 'C'");
            }
            try (Connection c = server.connect(DATABASE)) {
                DemoDatabase.ofScale(scale).build(c);
                rows = DemoDatabase.rowCounts(c);
                Databases.execute(c, "CHECKPOINT");
            }
        }
        long elapsed = System.nanoTime() - started;
        writeMarker(entry, scale, rows, elapsed);
        context.progress("5. export: BUILT the demo database at scale %,d: %,d rows in %d tables in %s", scale,
                total(rows), rows.size(), ResultTable.duration(elapsed));
    }

    /** An embedded server on the entry's kept cluster; generous WAL and index memory for the one-time build. */
    private static PostgresServer startServer(Path entry) {
        return EmbeddedPostgres.builder().dataDirectory(entry.resolve("cluster"))
                .serverSetting("max_wal_size", "8GB")
                .serverSetting("checkpoint_timeout", "1h")
                .serverSetting("maintenance_work_mem", "512MB")
                .start();
    }

    /** Creates {@code directory} readable and searchable by everyone: the server account must pass through it. */
    private static void createReachable(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void writeMarker(Path entry, int scale, Map<String, Long> rows, long nanos) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("scale", Integer.toString(scale));
        properties.setProperty("seed", Long.toString(DemoDatabase.DEFAULT_SEED));
        properties.setProperty("rows", Long.toString(total(rows)));
        properties.setProperty("tables", Integer.toString(rows.size()));
        properties.setProperty("buildNanos", Long.toString(nanos));
        properties.setProperty("builtAt", Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC");
        Path temporary = entry.resolve(MARKER + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary)) {
            properties.store(out, "seed-bench demo database; delete this directory to rebuild it");
        }
        Files.move(temporary, entry.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Properties readMarker(Path entry) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(entry.resolve(MARKER))) {
            properties.load(in);
        }
        return properties;
    }

    private static long total(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * 12 hex digits of the SHA-256 over the demo's SQL resources ({@code db/migration}, {@code db/demo-data}) and
     * the {@link DemoDatabase} class, by name and content, wherever they are (the examples jar, the shaded bench jar
     * or a classes directory): when the data the demo builds could change, the cache entry changes.
     */
    static String demoHash() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, byte[]> file : demoFiles()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(file.getValue());
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 6);
    }

    private static List<Map.Entry<String, byte[]>> demoFiles() throws IOException, URISyntaxException {
        Path location = Path.of(DemoDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Map.Entry<String, byte[]>> files = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> paths = Files.walk(location)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    String name = location.relativize(path).toString().replace('\\', '/');
                    if (isDemoFile(name)) {
                        files.add(Map.entry(name, Files.readAllBytes(path)));
                    }
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                for (ZipEntry entry : Collections.list(jar.entries())) {
                    if (!entry.isDirectory() && isDemoFile(entry.getName())) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.add(Map.entry(entry.getName(), in.readAllBytes()));
                        }
                    }
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No demo SQL resources found in " + location);
        }
        files.sort(Map.Entry.comparingByKey());
        return files;
    }

    private static boolean isDemoFile(String name) {
        return name.startsWith("db/migration/") || name.startsWith("db/demo-data/")
                || name.equals(DemoDatabase.class.getName().replace('.', '/') + ".class");
    }
}
