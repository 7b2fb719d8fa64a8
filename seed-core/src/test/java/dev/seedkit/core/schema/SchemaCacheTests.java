package dev.seedkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class SchemaCacheTests {

    @Test
    void readsEachDatabaseAndSchemaSetOnceUntilCleared(TestDatabase db) throws Exception {
        db.execute("create schema cache_x; create table cache_x.a (id int primary key);"
                + "create schema cache_y; create table cache_y.b (id int primary key);");
        SchemaCache cache = new SchemaCache();

        try (Connection first = db.connect(); Connection second = db.connect()) {
            Schema x = cache.schema(first, List.of("cache_x"));
            assertThat(cache.schema(second, List.of("cache_x", "cache_x"))).isSameAs(x);
            assertThat(cache.schema(second, List.of("cache_x", "cache_y"))).isNotSameAs(x);

            db.execute("create table cache_x.c (id int)");
            assertThat(cache.schema(first, List.of("cache_x")).tables()).hasSize(1);
            cache.clear();
            assertThat(cache.schema(first, List.of("cache_x")).tables()).hasSize(2);
        }
    }
}
