package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class TieredFanOutTests {

    static final String SCHEMA = """
            create table accounts (id bigserial primary key, name text not null, plan text not null
                check (plan in ('free', 'team', 'business')), created_at timestamptz not null);
            create table locations (id bigserial primary key, account_id bigint not null references accounts,
                city text not null, opened_on date not null);
            create table devices (id uuid primary key, location_id bigint not null references locations,
                serial text not null unique, installed_at timestamptz not null);
            create table users (id bigserial primary key, account_id bigint not null references accounts,
                email text not null unique, created_at timestamptz not null,
                updated_at timestamptz not null, check (updated_at >= created_at));
            create table subscriptions (id bigserial primary key, user_id bigint not null references users,
                product text not null, price numeric(8,2) not null check (price > 0));
            """;

    static final String CONFIG = """
            seed: 42
            tables:
              accounts:
                rows: 150
                ids: 1000-1999
                tiers: {small: 70%, medium: 20%, large: 8%, enterprise: 2%}
              locations:
                per: accounts
                count: {small: 1-2, medium: 3-10, large: 10-50, enterprise: 50-100}
              devices:
                per: locations
                count: {small: 1-3, medium: 2-5, large: 3-8, enterprise: 5-10}
              users:
                per: accounts
                count: {small: 1-5, medium: 5-20, large: 20-60, enterprise: 60-150}
                columns:
                  updated_at: {after: created_at, within: 90 days}
              subscriptions:
                per: users
                count: 0-2
            """;

    static GenerationReport report;
    static TestDatabase database;

    @BeforeAll
    static void generate(TestDatabase db) throws Exception {
        database = db;
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            report = DataGenerator.builder(GeneratorConfig.parse(CONFIG, "tiers.yaml")).build().generate(c);
        }
    }

    @Test
    void accountsAreDealtOutInExactTierShares() {
        assertThat(report.rows("public.accounts")).isEqualTo(150);
        assertThat(report.tierShares()).extracting(GenerationReport.TierShare::tier, GenerationReport.TierShare::rows)
                .containsExactly(tuple("small", 105L), tuple("medium", 30L), tuple("large", 12L),
                        tuple("enterprise", 3L));
    }

    @Test
    void theDatabaseHoldsTheTieredFanOut() throws Exception {
        // Small accounts (and only they) have 1-2 locations; only enterprise accounts have more than 50.
        assertThat(count("select count(*) from (select account_id from locations group by account_id"
                + " having count(*) <= 2) a")).isEqualTo(105);
        assertThat(count("select count(*) from (select account_id from locations group by account_id"
                + " having count(*) > 50) a")).isEqualTo(3);
        assertThat(count("select count(*) from accounts a where not exists (select from locations l"
                + " where l.account_id = a.id)")).isZero();
        assertThat(count("select count(*) from locations")).isEqualTo(report.rows("public.locations"));
        assertThat(count("select count(*) from devices")).isEqualTo(report.rows("public.devices"));
    }

    @Test
    void eachTiersRowsPerParentAreWithinToleranceOfTheConfiguredRange() {
        for (GenerationReport.FanOut fanOut : report.fanOuts()) {
            double middle = (fanOut.configuredMin() + fanOut.configuredMax()) / 2.0;
            double spread = fanOut.configuredMax() - fanOut.configuredMin();
            assertThat(fanOut.min()).as(fanOut.toString()).isGreaterThanOrEqualTo(fanOut.configuredMin());
            assertThat(fanOut.max()).as(fanOut.toString()).isLessThanOrEqualTo(fanOut.configuredMax());
            // The mean of n uniform draws: within 4 standard errors (spread / sqrt(12 n)) of the middle.
            double tolerance = 4 * spread / Math.sqrt(12.0 * fanOut.parents()) + 0.01;
            assertThat(fanOut.mean()).as(fanOut.toString()).isCloseTo(middle, within(tolerance));
        }
        assertThat(report.fanOuts()).extracting(GenerationReport.FanOut::table).contains("public.locations",
                "public.devices", "public.users", "public.subscriptions");
    }

    @Test
    void idsStayInTheirRangeAndChecksAndCorrelationsHold() throws Exception {
        assertThat(report.idRanges()).singleElement().satisfies(ids -> {
            assertThat(ids.min()).isEqualTo(1000);
            assertThat(ids.max()).isEqualTo(1149);
            assertThat(ids.inside()).isTrue();
        });
        assertThat(count("select count(*) from users where updated_at < created_at")).isZero();
        assertThat(count("select count(*) from users where updated_at > created_at + interval '90 days'")).isZero();
        assertThat(count("select count(distinct plan) from accounts")).isEqualTo(3);
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(database.queryValue(sql));
    }

    @Test
    void everyForeignKeyResolves() {
        assertThat(report.ok()).isTrue();
        assertThat(report.foreignKeys()).hasSize(4).allSatisfy(check -> assertThat(check.orphans()).isZero());
    }
}
