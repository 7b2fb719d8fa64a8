package dev.seedkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.seedkit.core.generator.DataGenerator;
import dev.seedkit.core.generator.GenerationReport;
import dev.seedkit.core.generator.GeneratorConfig;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generator's worked example, as docs/generator.md shows it: the committed config
 * {@code db/generator/tiered.yaml} over {@code db/generator/tiered-schema.sql}. The validation output the docs quote
 * must be what this run prints, so the docs cannot drift from the file.
 */
@ExtendWith(TestPostgres.class)
class GeneratorExampleTests {

    static final Path DOCS = Path.of("../docs/generator.md");

    static TestDatabase database;
    static GenerationReport report;

    @BeforeAll
    static void generate(TestDatabase db) throws Exception {
        database = db;
        db.execute(resource("db/generator/tiered-schema.sql"));
        try (Connection connection = db.connect()) {
            // docs/generator.md: Java builder
            GeneratorConfig config = GeneratorConfig.fromResource("db/generator/tiered.yaml",
                    GeneratorExampleTests.class.getClassLoader());
            report = DataGenerator.builder(config)
                    .seed(42)
                    .build()
                    .generate(connection);
            System.out.print(report.render());
            // docs/generator.md: end
        }
    }

    @Test
    void theDocsQuoteThisRunsValidationOutput() throws IOException {
        String rendered = report.render();
        String validation = rendered.substring(rendered.indexOf("Foreign keys:"));
        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8)).contains(validation.strip());
    }

    @Test
    void accountsFollowTheConfiguredTiersExactly() {
        assertThat(report.ok()).isTrue();
        assertThat(report.rows("public.accounts")).isEqualTo(150);
        assertThat(report.tierShares()).extracting(GenerationReport.TierShare::tier, GenerationReport.TierShare::rows)
                .containsExactly(tuple("small", 105L), tuple("medium", 30L), tuple("large", 12L),
                        tuple("enterprise", 3L));
    }

    @Test
    void everyAccountsLocationsAndUsersStayInItsTiersRange() throws Exception {
        assertThat(count("select count(*) from accounts a where (select count(*) from locations l"
                + " where l.account_id = a.id) not between case a.tier when 'small' then 1 when 'medium' then 3"
                + " when 'large' then 10 else 50 end and case a.tier when 'small' then 2 when 'medium' then 10"
                + " when 'large' then 50 else 100 end")).isZero();
        assertThat(count("select count(*) from accounts a where (select count(*) from users u"
                + " where u.account_id = a.id) not between case a.tier when 'small' then 1 when 'medium' then 5"
                + " when 'large' then 20 else 60 end and case a.tier when 'small' then 5 when 'medium' then 20"
                + " when 'large' then 60 else 150 end")).isZero();
        assertThat(count("select count(*) from users where updated_at > created_at + interval '90 days'")).isZero();
        assertThat(count("select count(*) from accounts where id not between 1000 and 1999")).isZero();
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(database.queryValue(sql));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GeneratorExampleTests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
