package dev.seedkit.junit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The comment on a template database that says it was seeded completely, and what the seeding reported, so that
 * a later run (another JVM) reusing the template knows it too:
 * {@code seedkit template complete; version=3; checksum=ab12; rows=orders:120,customers:40}.
 * A template database without it was left behind by an interrupted build and is rebuilt.
 */
record TemplateMarker(String version, String checksum, Map<String, Long> rowCounts) {

    private static final String PREFIX = "seedkit template complete";

    TemplateMarker {
        rowCounts = Map.copyOf(rowCounts);
    }

    static TemplateMarker of(SnapshotIdentity identity, SeedOutcome outcome) {
        return new TemplateMarker(identity.version(), identity.checksum(), outcome.rowCounts());
    }

    String toComment() {
        StringBuilder rows = new StringBuilder();
        rowCounts.forEach((table, count) -> rows.append(rows.length() == 0 ? "" : ",").append(encode(table))
                .append(':').append(count));
        return PREFIX + "; version=" + encode(version) + "; checksum=" + encode(checksum) + "; rows=" + rows;
    }

    /** The marker in {@code comment}, or empty if the comment is not one (an incomplete template). */
    static Optional<TemplateMarker> parse(String comment) {
        if (!comment.startsWith(PREFIX + ";")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : comment.substring(PREFIX.length() + 1).split(";")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.put(field.substring(0, equals).trim(), field.substring(equals + 1).trim());
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String entry : fields.getOrDefault("rows", "").split(",")) {
            int colon = entry.lastIndexOf(':');
            if (colon > 0) {
                rows.put(decode(entry.substring(0, colon)), Long.parseLong(entry.substring(colon + 1)));
            }
        }
        return Optional.of(new TemplateMarker(decode(fields.getOrDefault("version", "")),
                decode(fields.getOrDefault("checksum", "")), rows));
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
