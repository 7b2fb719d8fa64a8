package dev.seedkit.core.schema;

import dev.seedkit.core.internal.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes {@link Schema#fingerprint()}: SHA-256 over a canonical text, one line per table, column, key and
 * declared foreign key, in a fixed order, with every name quoted so that no two schemas give the same text.
 *
 * <p>Counted: table names and whether partitioned; columns in table order (position matters for snapshot files)
 * with type, base type, nullability, generated and identity; key kinds and columns; foreign keys' columns,
 * parent, match type and deferrability. Not counted: defaults, comments, constraint and index names, virtual
 * foreign keys. Changing what is counted changes the version line, so old fingerprints never match by accident.
 */
final class SchemaFingerprint {

    private static final String VERSION = "seedkit schema fingerprint v1";

    private SchemaFingerprint() {
    }

    static String of(Schema schema) {
        return sha256Hex(canonicalText(schema));
    }

    static String canonicalText(Schema schema) {
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        for (Table table : schema.tables()) {
            text.append("table ").append(table.name().qualified()).append(table.partitioned() ? " partitioned" : "")
                    .append('\n');
            table.columns().forEach(column -> text.append(column(column)).append('\n'));
            table.keys().stream().map(SchemaFingerprint::key).sorted().forEach(k -> text.append(k).append('\n'));
            schema.outgoing(table.name()).stream().filter(fk -> !fk.virtual()).map(SchemaFingerprint::foreignKey)
                    .sorted().forEach(fk -> text.append(fk).append('\n'));
        }
        return text.toString();
    }

    private static String column(Column column) {
        return "  column " + Identifiers.quote(column.name()) + " type " + column.type() + " base "
                + column.baseType() + (column.nullable() ? " null" : " not null")
                + (column.generated() ? " generated" : "") + " identity " + column.identity();
    }

    private static String key(UniqueKey key) {
        return "  key " + key.kind() + " " + quoted(key.columns()) + (key.deferrable() ? " deferrable" : "");
    }

    private static String foreignKey(ForeignKey fk) {
        return "  foreign key " + quoted(fk.childColumns()) + " references " + fk.parent().qualified()
                + quoted(fk.parentColumns()) + (fk.matchFull() ? " match full" : " match simple")
                + (fk.deferrable() ? " deferrable" : "") + (fk.initiallyDeferred() ? " initially deferred" : "");
    }

    private static String quoted(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(",", "(", ")"));
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
