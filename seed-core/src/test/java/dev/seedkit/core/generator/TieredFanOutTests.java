package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;

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

    @BeforeAll
    static void generate(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            report = DataGenerator.builder(GeneratorConfig.parse(CONFIG, "tiers.yaml")).build().generate(c);
        }
        System.out.println(report.render());
    }

    @Test
    void accountsAreDealtOutInExactTierShares() {
        assertThat(report.rows("public.accounts")).isEqualTo(150);
        assertThat(report.tierShares()).extracting(GenerationReport.TierShare::tier, GenerationReport.TierShare::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("small", 105L),
                        org.assertj.core.groups.Tuple.tuple("medium", 30L),
                        org.assertj.core.groups.Tuple.tuple("large", 12L),
                        org.assertj.core.groups.Tuple.tuple("enterprise", 3L));
    }

    @Test
    void everyForeignKeyResolves() {
        assertThat(report.ok()).isTrue();
        assertThat(report.foreignKeys()).hasSize(4).allSatisfy(check -> assertThat(check.orphans()).isZero());
    }
}
