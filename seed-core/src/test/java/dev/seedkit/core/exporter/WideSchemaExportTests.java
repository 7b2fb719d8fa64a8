package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wide schema costs one round trip per table for its file and few more: choosing rows is batched (tables that do
 * not depend on each other in one round trip, every foreign key of a closure round in one), and tables no bigger
 * than their limit are copied as they are. 500 tables of 40 rows, each but the first referencing an earlier one,
 * every 25th also itself.
 */
@ExtendWith(TestPostgres.class)
class WideSchemaExportTests {

    private static final int TABLES = 500;

    @TempDir
    Path dir;

    @Test
    void fiveHundredTablesCostAboutOneRoundTripEachWhetherWholeOrSubset(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "wide", ddl()).data(data());

        ExportReport whole = f.export(100, dir.resolve("whole"));
        ExportReport subset = f.export(10, dir.resolve("subset"));

        assertThat(whole.rows()).isEqualTo(TABLES * 40L);
        assertThat(whole.roundTrips()).as("one COPY per table, the rest shared").isLessThan(TABLES + 30);
        assertThat(subset.rows()).isBetween(TABLES * 10L, TABLES * 40L);
        assertThat(subset.roundTrips()).as("one COPY per table, selection batched").isLessThan(TABLES + 150);
        assertThat(subset.rowsSelectedByLimit()).isEqualTo(TABLES * 10L);
    }

    /** Table {@code t} references table {@code (t * 7919) % t}, an earlier one; every 25th also itself. */
    static String ddl() {
        StringBuilder ddl = new StringBuilder();
        for (int t = 0; t < TABLES; t++) {
            ddl.append("create table {s}.").append(name(t)).append(" (id int primary key, name text");
            if (t > 0) {
                ddl.append(", parent_id int not null references {s}.").append(name((t * 7919) % t));
            }
            if (t % 25 == 0) {
                ddl.append(", self_id int references {s}.").append(name(t));
            }
            ddl.append(");\n");
        }
        return ddl.toString();
    }

    /** 40 rows per table; row g references row {@code 41 - g} of its parent and (every 25th table) row g - 1. */
    static String data() {
        StringBuilder data = new StringBuilder();
        for (int t = 0; t < TABLES; t++) {
            data.append("insert into {s}.").append(name(t)).append(" select g, 'n' || g")
                    .append(t > 0 ? ", 41 - g" : "").append(t % 25 == 0 ? ", nullif(g - 1, 0)" : "")
                    .append(" from generate_series(1, 40) g;\n");
        }
        return data.toString();
    }

    private static String name(int t) {
        return "t" + String.format(Locale.ROOT, "%04d", t);
    }
}
