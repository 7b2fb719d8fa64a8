package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Same config, seed and schema: byte-identical data; another seed: other data of the same shape. */
@ExtendWith(TestPostgres.class)
class DeterminismTests {

    static final String CONFIG = """
            seed: 42
            tables:
              accounts:
                rows: 60
                tiers: {small: 70%, large: 30%}
                columns:
                  name: {faker: Company.name}
              locations:
                per: accounts
                count: {small: 1-2, large: 5-9}
                columns:
                  city: {faker: Address.city}
              devices:
                per: locations
                count: 1-4
              users:
                per: accounts
                count: {small: 1-3, large: 4-12}
                columns:
                  email: {faker: Internet.emailAddress}
                  updated_at: {after: created_at, within: 90 days}
              subscriptions:
                per: users
                count: 0-2
                columns:
                  product: {pick: {basic: 6, pro: 3, enterprise: 1}}
            """;

    /** The same entries in another order, tables and columns alike. */
    static final String REORDERED = """
            tables:
              subscriptions:
                columns:
                  product: {pick: {basic: 6, pro: 3, enterprise: 1}}
                count: 0-2
                per: users
              users:
                columns:
                  updated_at: {within: 90 days, after: created_at}
                  email: {faker: Internet.emailAddress}
                count: {large: 4-12, small: 1-3}
                per: accounts
              devices:
                count: 1-4
                per: locations
              locations:
                columns:
                  city: {faker: Address.city}
                per: accounts
                count: {small: 1-2, large: 5-9}
              accounts:
                columns:
                  name: {faker: Company.name}
                tiers: {small: 70%, large: 30%}
                rows: 60
            seed: 42
            """;

    @Test
    void twoRunsWithTheSameSeedExportByteIdenticalFiles(PostgresServer server, @TempDir Path dir) throws Exception {
        Map<String, byte[]> first = generateAndExport(server, CONFIG, null, dir.resolve("first"));
        Map<String, byte[]> second = generateAndExport(server, CONFIG, null, dir.resolve("second"));

        assertThat(first).hasSize(5);
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((file, bytes) -> assertThat(second.get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void theOrderOfConfigEntriesDoesNotMatter(PostgresServer server, @TempDir Path dir) throws Exception {
        Map<String, byte[]> original = generateAndExport(server, CONFIG, null, dir.resolve("original"));
        Map<String, byte[]> reordered = generateAndExport(server, REORDERED, null, dir.resolve("reordered"));

        original.forEach((file, bytes) -> assertThat(reordered.get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void anotherSeedGivesOtherDataOfTheSameShape(PostgresServer server, @TempDir Path dir) throws Exception {
        Map<String, byte[]> original = generateAndExport(server, CONFIG, null, dir.resolve("original"));
        Map<String, byte[]> other = generateAndExport(server, CONFIG, 43L, dir.resolve("other"));

        assertThat(other.keySet()).containsExactlyElementsOf(original.keySet());
        original.forEach((file, bytes) -> assertThat(other.get(file)).as(file).isNotEqualTo(bytes));
        assertThat(lines(other.get("public.accounts.tsv"))).isEqualTo(lines(original.get("public.accounts.tsv")));
    }

    private static Map<String, byte[]> generateAndExport(PostgresServer server, String config, Long seed, Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, TieredFanOutTests.SCHEMA)) {
            DataGenerator.Builder builder = DataGenerator.builder(GeneratorConfig.parse(config, "determinism.yaml"));
            if (seed != null) {
                builder.seed(seed);
            }
            assertThat(db.generate(builder.build()).ok()).isTrue();
            return db.export(dir);
        }
    }

    private static long lines(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).lines().count();
    }
}
