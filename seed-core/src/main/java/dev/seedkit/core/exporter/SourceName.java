package dev.seedkit.core.exporter;

/**
 * The manifest's {@code source}: {@code host:port/database} from a JDBC URL, without user, password or any other
 * parameter, e.g. {@code jdbc:postgresql://db.example:5432/demo?user=u&password=p} gives
 * {@code db.example:5432/demo}.
 */
final class SourceName {

    private static final String PREFIX = "jdbc:postgresql:";

    private SourceName() {
    }

    static String of(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return "unknown";
        }
        String rest = jdbcUrl.startsWith(PREFIX) ? jdbcUrl.substring(PREFIX.length()) : jdbcUrl;
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        if (!rest.startsWith("//")) {
            return "localhost:5432/" + rest;
        }
        rest = rest.substring(2);
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        hosts = hosts.substring(hosts.lastIndexOf('@') + 1);
        return (hosts.isEmpty() ? "localhost" : hosts) + "/" + database;
    }
}
