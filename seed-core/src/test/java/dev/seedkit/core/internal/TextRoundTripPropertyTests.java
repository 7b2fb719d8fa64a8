package dev.seedkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Generated text and text arrays (any Unicode, control characters, tabs, newlines, backslashes, {@code \N},
 * quotes, braces) survive export and import through real PostgreSQL, and our decoder reads the file exactly as
 * PostgreSQL wrote it. Each try sends a batch of values through one COPY each way.
 */
@AddLifecycleHook(PropertyDatabase.class)
class TextRoundTripPropertyTests {

    @Property(tries = 200)
    void anyTextComesBackFromPostgresUnchanged(@ForAll("texts") List<String> values, Connection c) throws Exception {
        reset(c, "p_text", "v text");
        try (PreparedStatement insert = c.prepareStatement("insert into p_text values (?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                insert.setInt(1, i);
                insert.setString(2, values.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        RoundTrip.Exported file = RoundTrip.export(c, "p_text", List.of("id", "v"));
        assertThat(decodedValues(file)).isEqualTo(values);
        RoundTrip.load(c, "p_text_copy", List.of("id", "v"), file);
        assertThat(loadedTexts(c)).isEqualTo(values);
    }

    @Property(tries = 200)
    void anyTextArrayComesBackFromPostgresUnchanged(@ForAll("textArrays") List<List<String>> arrays, Connection c)
            throws Exception {
        reset(c, "p_array", "v text[]");
        try (PreparedStatement insert = c.prepareStatement("insert into p_array values (?, ?)")) {
            for (int i = 0; i < arrays.size(); i++) {
                insert.setInt(1, i);
                insert.setArray(2, c.createArrayOf("text", arrays.get(i).toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        RoundTrip.Exported file = RoundTrip.export(c, "p_array", List.of("id", "v"));
        RoundTrip.load(c, "p_array_copy", List.of("id", "v"), file);
        assertThat(loadedArrays(c)).isEqualTo(arrays);
        assertThat(RoundTrip.query(c, "select count(*) from p_array a join p_array_copy b using (id)"
                + " where a.v is distinct from b.v")).containsExactly(List.of("0"));
    }

    @Provide
    Arbitrary<List<String>> texts() {
        return Generators.text().injectNull(0.1).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<List<String>>> textArrays() {
        return Generators.text().injectNull(0.15).list().ofMaxSize(6).list().ofMaxSize(20);
    }

    private static void reset(Connection c, String table, String column) throws SQLException {
        RoundTrip.execute(c, "create table if not exists " + table + " (id int primary key, " + column + ");"
                + " create table if not exists " + table + "_copy (like " + table + ");"
                + " truncate " + table + ", " + table + "_copy");
    }

    private static List<String> decodedValues(RoundTrip.Exported file) {
        List<String> values = new ArrayList<>();
        try (TableFileReader reader = TableFileReader.open(new ByteArrayInputStream(file.bytes()),
                file.table().file(), file.table())) {
            for (Optional<List<String>> row = reader.nextRow(); row.isPresent(); row = reader.nextRow()) {
                values.add(row.get().get(1));
            }
        }
        return values;
    }

    private static List<String> loadedTexts(Connection c) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select v from p_text_copy order by id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<List<String>> loadedArrays(Connection c) throws SQLException {
        List<List<String>> arrays = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select v from p_array_copy order by id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Array array = rs.getArray(1);
                arrays.add(Arrays.asList((String[]) array.getArray()));
            }
        }
        return arrays;
    }
}
