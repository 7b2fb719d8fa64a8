package dev.seedkit.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.SeedException.Code;
import dev.seedkit.core.internal.TableFileWriter;
import dev.seedkit.core.snapshot.SnapshotManifest.Column;
import dev.seedkit.core.snapshot.SnapshotManifest.LoadStep;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Builds small, valid snapshots in a directory, so that tests can then break them in one precise way. */
public final class SnapshotFixture {

    public static final Instant CREATED = Instant.parse("2024-05-01T12:00:00Z");

    private final Path directory;
    private final List<Table> tables = new ArrayList<>();

    public SnapshotFixture(Path directory) {
        this.directory = directory;
    }

    /** The demo snapshot: public.users (3 rows, one NULL and one escaped value) and public.orders (2 rows). */
    public static SnapshotFixture demo(Path directory) {
        return new SnapshotFixture(directory)
                .table("public", "users", List.of("id:integer", "name:text", "note:text"), List.of("id"),
                        row("1", "Ada", null), row("2", "Grace", "line one\nline two"), row("3", "Linus", "tab\there"))
                .table("public", "orders", List.of("id:bigint", "user_id:integer", "total:numeric(10,2)"),
                        List.of("id"), row("10", "1", "12.50"), row("11", "3", "0.99"))
                .writeManifest();
    }

    /** Writes a table file; columns are given as {@code name:type}. */
    @SafeVarargs
    public final SnapshotFixture table(String schema, String name, List<String> columns, List<String> keys,
            List<String>... rows) {
        List<Column> typed = columns.stream().map(c -> new Column(c.substring(0, c.lastIndexOf(':')),
                c.substring(c.lastIndexOf(':') + 1))).toList();
        try (TableFileWriter writer = TableFileWriter.create(directory, schema, name, typed, keys)) {
            Arrays.stream(rows).forEach(writer::writeRow);
            tables.add(writer.finish());
        }
        return this;
    }

    public SnapshotFixture writeManifest() {
        List<LoadStep> plan = tables.stream().map(t -> new LoadStep(t.schema(), t.name(), "insert")).toList();
        manifest(plan).write(directory);
        return this;
    }

    SnapshotManifest manifest(List<LoadStep> plan) {
        return new SnapshotManifest("demo-1", CREATED, "localhost:5432/demo", "sha256:feedface", plan, tables);
    }

    Path directory() {
        return directory;
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    /** Replaces the first occurrence of {@code from} in {@code file} by {@code to}. */
    public void edit(String file, String from, String to) throws IOException {
        String text = Files.readString(file(file), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain '" + from + "':\n" + text);
        }
        Files.writeString(file(file), text.replaceFirst(Pattern.quote(from),
                Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    /** Replaces {@code file}'s content by raw bytes. */
    public void overwrite(String file, byte[] content) throws IOException {
        Files.write(file(file), content);
    }

    public static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    /** The {@code SeedException} that {@code action} throws, checked to carry {@code code}. */
    public static SeedException failure(ThrowingCallable action, Code code) {
        SeedException e = catchThrowableOfType(SeedException.class, action);
        assertThat(e).as("expected a SeedException").isNotNull();
        assertThat(e.code()).as("code of: %s", e.getMessage()).isEqualTo(code);
        return e;
    }

    /** Asserts that {@code action} throws a {@code SeedException} with {@code code} and exactly {@code message}. */
    public static void assertFailure(ThrowingCallable action, Code code, String message) {
        assertThat(failure(action, code)).hasMessage(message);
    }
}
