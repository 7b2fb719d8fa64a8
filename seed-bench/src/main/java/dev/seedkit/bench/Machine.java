package dev.seedkit.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.seedkit.postgres.PostgresServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** Where the figures were measured: date, CPU, memory, operating system, Java, PostgreSQL and psql versions. */
final class Machine {

    private Machine() {
    }

    static String describe(PostgresServer server, BenchOptions options) throws Exception {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        StringBuilder out = new StringBuilder();
        out.append("Date:       ").append(date).append('\n');
        out.append("Machine:    ").append(String.format(Locale.ROOT, "%d cores%s, %s RAM, %s %s %s",
                Runtime.getRuntime().availableProcessors(), cpuModel().map(m -> " (" + m + ")").orElse(""),
                totalMemory(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"))).append('\n');
        out.append("Java:       ").append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append("), max heap ")
                .append(LargeImportBench.megabytes(Runtime.getRuntime().maxMemory())).append('\n');
        out.append("PostgreSQL: ").append(serverVersion(server)).append(" — ").append(server.description())
                .append(", data directory ").append(dataDirectory(server)).append('\n');
        out.append("psql:       ").append(PsqlCopy.version(options.psql()).orElse("not available")).append('\n');
        out.append("Options:    ").append(String.format(Locale.ROOT, "%s, %,d rows, %d runs (large: %d), sections %s, "
                + "export scales %s, demo cache %s", options.quick() ? "--quick" : "full", options.rows(),
                options.runs(), options.largeRuns(), new TreeSet<>(options.sections()),
                options.exportScales(), options.demoCache() == null ? "none" : options.demoCache())).append('\n');
        return out.toString();
    }

    private static String serverVersion(PostgresServer server) throws Exception {
        try (Connection c = server.connect(server.defaultDatabase())) {
            return Databases.queryValue(c, "SHOW server_version");
        }
    }

    /** The server's data directory and, when it is on this machine, its file system type (ext4, tmpfs, ...). */
    private static String dataDirectory(PostgresServer server) {
        try (Connection c = server.connect(server.defaultDatabase())) {
            String directory = Databases.queryValue(c, "SHOW data_directory");
            try {
                return directory + " (" + Files.getFileStore(Path.of(directory).getParent()).type() + ")";
            } catch (IOException | RuntimeException notLocal) {
                return directory;
            }
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return "unknown";
    }
}
