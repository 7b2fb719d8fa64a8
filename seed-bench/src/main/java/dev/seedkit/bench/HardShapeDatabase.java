package dev.seedkit.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generated database that is hard for a subset exporter (issue #19), in schema {@code hard}, of about
 * {@code totalRows} rows (1,500,000 by default: the sizes below scale with it). Every table is filled on the server
 * with {@code INSERT ... SELECT generate_series}, then indexed, then given its foreign keys (one validating scan
 * each), then analysed:
 * <ul>
 *   <li>{@code payments}, ~43% of the rows, is <b>partitioned by range of {@code payment_date}</b> (24 monthly
 *       partitions) with the <b>composite primary key {@code (payment_date, payment_id)}</b>; its foreign keys to
 *       {@code customers} and {@code rentals} are <b>declared on each partition only</b>, not on the parent;</li>
 *   <li>{@code rentals}, ~40%, and {@code payments} are the two tables of 400-800k rows at the default size;</li>
 *   <li>{@code refunds} references {@code payments} through the composite key, and is a <b>rare match</b>: only
 *       payments in the last three months whose id is a multiple of 20 have one, so the first payments by key
 *       (the earliest dates) have none;</li>
 *   <li>{@code staff} <b>references itself</b> ({@code manager_id}) in <b>chains of 500</b> that run upwards:
 *       staff {@code n}'s manager is {@code n + 1}, so the first staff rows by key have the longest ancestries;</li>
 *   <li>{@code staff} and {@code stores} form a <b>two-table cycle</b> ({@code staff.store_id} NOT NULL,
 *       {@code stores.manager_id} nullable);</li>
 *   <li>every foreign-key column is indexed; {@code films}, {@code inventory} and {@code customers} fill in.</li>
 * </ul>
 * The same {@code totalRows} always gives the same rows.
 */
final class HardShapeDatabase {

    /** Rows of a full-size run. */
    static final int DEFAULT_ROWS = 1_500_000;

    /** Rows of a quick run. */
    static final int QUICK_ROWS = 100_000;

    /** Bump when the generated rows change, so that cached copies are rebuilt. */
    static final int VERSION = 1;

    /** The tables, parents first. */
    static final List<String> TABLES = List.of("hard.films", "hard.customers", "hard.stores", "hard.staff",
            "hard.inventory", "hard.rentals", "hard.payments", "hard.refunds");

    private final long films;
    private final long customers;
    private final long stores;
    private final long staff;
    private final long inventory;
    private final long rentals;
    private final long payments;

    HardShapeDatabase(int totalRows) {
        double scale = totalRows / 1_500_000.0;
        this.films = rows(10_000, scale);
        this.customers = rows(50_000, scale);
        this.stores = rows(1_000, scale);
        this.staff = rows(20_000, scale);
        this.inventory = rows(100_000, scale);
        this.rentals = rows(600_000, scale);
        this.payments = rows(715_000, scale);
    }

    private static long rows(int atDefault, double scale) {
        return Math.max(10, Math.round(atDefault * scale));
    }

    /** The whole build, tables to statistics, as one script. */
    String buildSql() {
        return tablesSql() + fillSql() + indexSql() + foreignKeySql() + "ANALYZE;\n";
    }

    /** One line for the result table: what is where. */
    String describe(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((table, count) -> out.append(out.length() == 0 ? "" : ", ")
                .append(table.substring("hard.".length())).append(' ')
                .append(String.format(Locale.ROOT, "%,d", count)));
        return out.toString();
    }

    private String tablesSql() {
        StringBuilder sql = new StringBuilder("""
                CREATE SCHEMA hard;
                CREATE TABLE hard.films (id int PRIMARY KEY, title text NOT NULL, length_minutes int NOT NULL);
                CREATE TABLE hard.customers (id int PRIMARY KEY, email text NOT NULL, name text NOT NULL,
                    created_at timestamptz NOT NULL);
                CREATE TABLE hard.stores (id int PRIMARY KEY, name text NOT NULL, manager_id int);
                CREATE TABLE hard.staff (id int PRIMARY KEY, name text NOT NULL, store_id int NOT NULL,
                    manager_id int);
                CREATE TABLE hard.inventory (id int PRIMARY KEY, film_id int NOT NULL, store_id int NOT NULL);
                CREATE TABLE hard.rentals (id bigint PRIMARY KEY, inventory_id int NOT NULL, customer_id int NOT NULL,
                    staff_id int NOT NULL, rented_at timestamptz NOT NULL, returned_at timestamptz);
                CREATE TABLE hard.payments (payment_date date NOT NULL, payment_id bigint NOT NULL,
                    customer_id int NOT NULL, rental_id bigint NOT NULL, amount numeric(8,2) NOT NULL,
                    PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date);
                CREATE TABLE hard.refunds (id int PRIMARY KEY, payment_date date NOT NULL, payment_id bigint NOT NULL,
                    reason text NOT NULL);
                """);
        for (int month = 0; month < 24; month++) {
            sql.append(String.format(Locale.ROOT, "CREATE TABLE hard.payments_%s PARTITION OF hard.payments FOR VALUES"
                    + " FROM ('%s') TO ('%s');%n", monthName(month).replace("-", "_"), monthStart(month),
                    monthStart(month + 1)));
        }
        return sql.toString();
    }

    private String fillSql() {
        return String.format(Locale.ROOT, """
                INSERT INTO hard.films SELECT g, 'film ' || g, 60 + g %% 120
                    FROM generate_series(1::bigint, %1$d) g;
                INSERT INTO hard.customers SELECT g, 'customer' || g || '@example.com', 'Customer ' || g,
                    timestamptz '2020-01-01 00:00:00+00' + g * interval '7 minutes'
                    FROM generate_series(1::bigint, %2$d) g;
                INSERT INTO hard.stores SELECT g, 'store ' || g,
                    CASE WHEN g %% 3 = 0 THEN NULL ELSE (g * 37) %% %4$d + 1 END
                    FROM generate_series(1::bigint, %3$d) g;
                INSERT INTO hard.staff SELECT g, 'staff ' || g, (g * 13) %% %3$d + 1,
                    CASE WHEN g %% 500 = 0 OR g = %4$d THEN NULL ELSE g + 1 END
                    FROM generate_series(1::bigint, %4$d) g;
                INSERT INTO hard.inventory SELECT g, (g * 7) %% %1$d + 1, (g * 11) %% %3$d + 1
                    FROM generate_series(1::bigint, %5$d) g;
                INSERT INTO hard.rentals SELECT g, (g * 7919) %% %5$d + 1, (g * 31) %% %2$d + 1,
                    (g * 17) %% %4$d + 1, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute',
                    CASE WHEN g %% 10 = 0 THEN NULL ELSE timestamptz '2024-01-03 00:00:00+00' + g * interval '1 minute'
                    END FROM generate_series(1::bigint, %6$d) g;
                INSERT INTO hard.payments SELECT date '2024-01-01' + ((g - 1) * 731 / %7$d)::int, g,
                    (g * 31) %% %2$d + 1, (g * 7919) %% %6$d + 1, ((g %% 1000) + 99) / 100.0
                    FROM generate_series(1::bigint, %7$d) g;
                INSERT INTO hard.refunds SELECT row_number() OVER (ORDER BY payment_date, payment_id),
                    payment_date, payment_id, 'refund of ' || payment_id FROM hard.payments
                    WHERE payment_date >= date '2025-10-01' AND payment_id %% 20 = 0;
                """, films, customers, stores, staff, inventory, rentals, payments);
    }

    private static String indexSql() {
        return """
                CREATE INDEX ON hard.stores (manager_id);
                CREATE INDEX ON hard.staff (store_id);
                CREATE INDEX ON hard.staff (manager_id);
                CREATE INDEX ON hard.inventory (film_id);
                CREATE INDEX ON hard.inventory (store_id);
                CREATE INDEX ON hard.rentals (inventory_id);
                CREATE INDEX ON hard.rentals (customer_id);
                CREATE INDEX ON hard.rentals (staff_id);
                CREATE INDEX ON hard.payments (customer_id);
                CREATE INDEX ON hard.payments (rental_id);
                CREATE INDEX ON hard.refunds (payment_date, payment_id);
                """;
    }

    private static String foreignKeySql() {
        StringBuilder sql = new StringBuilder("""
                ALTER TABLE hard.staff ADD FOREIGN KEY (store_id) REFERENCES hard.stores;
                ALTER TABLE hard.staff ADD FOREIGN KEY (manager_id) REFERENCES hard.staff;
                ALTER TABLE hard.stores ADD FOREIGN KEY (manager_id) REFERENCES hard.staff;
                ALTER TABLE hard.inventory ADD FOREIGN KEY (film_id) REFERENCES hard.films;
                ALTER TABLE hard.inventory ADD FOREIGN KEY (store_id) REFERENCES hard.stores;
                ALTER TABLE hard.rentals ADD FOREIGN KEY (inventory_id) REFERENCES hard.inventory;
                ALTER TABLE hard.rentals ADD FOREIGN KEY (customer_id) REFERENCES hard.customers;
                ALTER TABLE hard.rentals ADD FOREIGN KEY (staff_id) REFERENCES hard.staff;
                ALTER TABLE hard.refunds ADD FOREIGN KEY (payment_date, payment_id) REFERENCES hard.payments;
                """);
        for (int month = 0; month < 24; month++) {
            String partition = "hard.payments_" + monthName(month).replace("-", "_");
            sql.append("ALTER TABLE ").append(partition).append(" ADD FOREIGN KEY (customer_id) REFERENCES "
                    + "hard.customers;\n");
            sql.append("ALTER TABLE ").append(partition).append(" ADD FOREIGN KEY (rental_id) REFERENCES "
                    + "hard.rentals;\n");
        }
        return sql.toString();
    }

    private static String monthName(int month) {
        return String.format(Locale.ROOT, "%d-%02d", 2024 + month / 12, month % 12 + 1);
    }

    private static String monthStart(int month) {
        return monthName(month) + "-01";
    }
}
