package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.VirtualForeignKey;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fills a database with synthetic data that respects its schema, as a {@link GeneratorConfig} describes it: rows
 * per table or fan-outs per parent row with weighted tiers, id ranges, value rules per column, and defaults from
 * types and constraints for everything else. Tables are written in load-plan order, each with one streamed
 * {@code COPY}, in one transaction; foreign-key cycles are handled as the importer handles them (triggers off where
 * allowed, else deferred constraints or NULL-then-UPDATE). Every value is a pure function of the seed, the table,
 * the column and the row number, so the same config, seed and schema always give the same data.
 *
 * <pre>{@code
 * GenerationReport report = DataGenerator.builder(GeneratorConfig.load(Path.of("seed/generator.yaml")))
 *         .seed(42)
 *         .build()
 *         .generate(connection);
 * System.out.print(report.render());
 * }</pre>
 *
 * <p>After writing, the run checks every foreign key of the generated tables for orphans and every configured id
 * range, then moves sequences past the ids written, and commits; if anything fails nothing is written. A generator
 * is immutable and thread-safe; each run needs its own connection.
 */
public final class DataGenerator {

    /** Hears how far a run is, every 65,536 rows and at the end of each table. */
    @FunctionalInterface
    public interface Progress {

        void update(Step step);

        /**
         * Where a run is.
         *
         * @param table        the table being written ({@code schema.table})
         * @param tableNumber  its number in the load order, from 1
         * @param tables       the tables to write
         * @param written      its rows written so far
         * @param tableRows    its rows in all
         * @param totalWritten rows written over all tables so far
         * @param totalRows    rows over all tables
         */
        record Step(String table, int tableNumber, int tables, long written, long tableRows, long totalWritten,
                    long totalRows) {
            /** Whether the table is complete. */
            public boolean tableDone() {
                return written >= tableRows;
            }
        }
    }

    private final GeneratorConfig config;
    private final Long seed;
    private final double scale;
    private final boolean triggersOffAllowed;
    private final boolean replace;
    private final List<String> schemas;
    private final List<VirtualForeignKey> virtualForeignKeys;
    private final Progress progress;

    private DataGenerator(Builder builder) {
        this.config = builder.config;
        this.seed = builder.seed;
        this.scale = builder.scale;
        this.triggersOffAllowed = builder.triggersOffAllowed;
        this.replace = builder.replace;
        this.schemas = List.copyOf(builder.schemas);
        this.virtualForeignKeys = List.copyOf(builder.virtualForeignKeys);
        this.progress = builder.progress;
    }

    /** A builder for generating what {@code config} describes. */
    public static Builder builder(GeneratorConfig config) {
        return new Builder(config);
    }

    /**
     * Generates the data into the database {@code connection} points at, in one transaction; the connection's
     * auto-commit setting is restored afterwards.
     *
     * @throws SeedException {@link SeedException.Code#CONFIGURATION} for a configuration that does not fit the
     *         schema (naming file, line and key) or target tables that already hold rows (without
     *         {@link Builder#replace}); {@link SeedException.Code#UNLOADABLE_CYCLE} for a cycle the role cannot load;
     *         {@link SeedException.Code#DATA_INTEGRITY} when the database refuses a row or an orphan is found;
     *         {@link SeedException.Code#DATABASE} for any other database failure. Nothing is written then.
     */
    public GenerationReport generate(Connection connection) {
        return new GenerationRun(this, Objects.requireNonNull(connection, "connection")).run(false);
    }

    /**
     * Everything {@link #generate} decides, without writing: the load plan, the rows each table would get and the
     * tier and fan-out figures. Configuration errors are found the same way.
     */
    public GenerationReport dryRun(Connection connection) {
        return new GenerationRun(this, Objects.requireNonNull(connection, "connection")).run(true);
    }

    GeneratorConfig config() {
        return config;
    }

    /** The seed in force: the builder's, else the config's, else 0. */
    long seed() {
        return seed != null ? seed : config.seed().orElse(0);
    }

    double scale() {
        return scale;
    }

    boolean triggersOffAllowed() {
        return triggersOffAllowed;
    }

    boolean replace() {
        return replace;
    }

    List<String> schemas() {
        return schemas;
    }

    List<VirtualForeignKey> virtualForeignKeys() {
        return virtualForeignKeys;
    }

    Progress progress() {
        return progress;
    }

    /** Options for a {@link DataGenerator}. */
    public static final class Builder {
        private final GeneratorConfig config;
        private Long seed;
        private double scale = 1;
        private boolean triggersOffAllowed = true;
        private boolean replace;
        private final List<String> schemas = new ArrayList<>();
        private final List<VirtualForeignKey> virtualForeignKeys = new ArrayList<>();
        private Progress progress = step -> { };

        private Builder(GeneratorConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The seed, instead of the config's {@code seed}. Another seed gives other data of the same shape. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Multiplies every table's {@code rows} (fan-outs follow their parents; tables marked {@code fixed} keep
         * theirs); 1 by default.
         */
        public Builder scale(double factor) {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("scale must be a positive number, got " + factor);
            }
            this.scale = factor;
            return this;
        }

        /**
         * Whether rows may be written with {@code session_replication_role = replica} (foreign-key triggers off,
         * then one orphan check per foreign key) where the role may set it; true by default, as for the importer.
         * Otherwise foreign keys are checked as rows arrive and cycles use the load plan's strategies.
         */
        public Builder triggersOffAllowed(boolean allowed) {
            this.triggersOffAllowed = allowed;
            return this;
        }

        /**
         * Whether to empty the generated tables first ({@code TRUNCATE}); off by default, and a table that already
         * holds rows is then an error, so that re-running never mixes two generations.
         */
        public Builder replace(boolean value) {
            this.replace = value;
            return this;
        }

        /** The schemas to read (case-sensitive), instead of the config's {@code schemas}; default: every one. */
        public Builder schemas(String... names) {
            schemas.clear();
            schemas.addAll(List.of(names));
            return this;
        }

        /** References the database does not declare, in addition to the config's {@code virtual-foreign-keys}. */
        public Builder virtualForeignKeys(String... references) {
            for (String reference : references) {
                virtualForeignKeys.add(VirtualForeignKey.parse(reference));
            }
            return this;
        }

        /** Where progress goes; nowhere by default. */
        public Builder progress(Progress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public DataGenerator build() {
            return new DataGenerator(this);
        }
    }
}
