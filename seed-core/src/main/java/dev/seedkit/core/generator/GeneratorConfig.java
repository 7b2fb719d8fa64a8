package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A generator configuration: the YAML file committed beside the schema that says how much data to generate and
 * what it looks like. Everything it does not say comes from the schema (types, keys, checks, foreign keys). Read it
 * with {@link #load(Path)}, {@link #fromResource(String, ClassLoader)} or {@link #parse(String, String)}; hand it
 * to {@link DataGenerator#builder(GeneratorConfig)}.
 *
 * <pre>
 * seed: 42
 * tables:
 *   public.accounts:
 *     rows: 150
 *     tiers: {small: 70%, medium: 20%, large: 8%, enterprise: 2%}
 *     columns:
 *       name: {faker: Company.name}
 *   public.locations:
 *     per: public.accounts
 *     count: {small: 1-2, medium: 3-10, large: 10-50, enterprise: 50-100}
 * </pre>
 *
 * <p>Reading checks the file's shape: unknown keys, two rules for one column, empty ranges, fractions above 1 are
 * refused with {@link SeedException.Code#CONFIGURATION}, naming the file, the line and the key. Names of tables and
 * columns are checked against the database when generation starts. The full format is in
 * {@code docs/generator.md}. Immutable.
 */
public final class GeneratorConfig {

    static final List<String> KEYS = List.of("seed", "schemas", "defaults", "faker-locale",
            "virtual-foreign-keys", "tables");
    static final List<String> DEFAULT_KEYS = List.of("rows", "null", "between");

    private final String source;
    private final YamlNode root;
    private final Long seed;
    private final List<String> schemas;
    private final Defaults defaults;
    private final String fakerLocale;
    private final List<YamlNode> virtualForeignKeys;
    private final Map<String, TableSpec> tables;

    private GeneratorConfig(String source, YamlNode root) {
        Keys.check(root, KEYS);
        this.source = source;
        this.root = root;
        this.seed = root.get("seed") == null ? null : Scalars.wholeNumber(root.get("seed"), Long.MIN_VALUE);
        this.schemas = strings(root.get("schemas"));
        this.defaults = Defaults.parse(root.get("defaults"));
        this.fakerLocale = root.get("faker-locale") == null ? "en" : Scalars.string(root.get("faker-locale"));
        this.virtualForeignKeys = root.get("virtual-foreign-keys") == null ? List.of()
                : root.get("virtual-foreign-keys").itemsOrSelf();
        this.tables = tables(root.get("tables"));
    }

    /**
     * Reads the configuration file at {@code file}.
     *
     * @throws SeedException {@link SeedException.Code#CONFIGURATION} if it cannot be read or is malformed, naming
     *         the file, line and key
     */
    public static GeneratorConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Could not read generator config " + file
                    + ": " + e + "; check the path (relative paths are relative to the working directory " + Path.of("")
                    .toAbsolutePath() + ")", e);
        }
    }

    /** Reads the configuration from the class path resource {@code name} (e.g. {@code db/demo-data.yaml}). */
    public static GeneratorConfig fromResource(String name, ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "Generator config classpath:" + name
                        + " is not on the class path; check the resource name (no leading slash)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + name);
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Could not read generator config classpath:"
                    + name + ": " + e, e);
        }
    }

    /** Reads configuration text; {@code source} names it in messages (a file name). */
    public static GeneratorConfig parse(String yaml, String source) {
        return new GeneratorConfig(source, YamlReader.read(source, yaml));
    }

    /** Where the configuration came from, as its messages name it. */
    public String source() {
        return source;
    }

    /** The configured seed, if the file sets one ({@link DataGenerator.Builder#seed} overrides it). */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    List<String> schemas() {
        return schemas;
    }

    Defaults defaults() {
        return defaults;
    }

    String fakerLocale() {
        return fakerLocale;
    }

    List<YamlNode> virtualForeignKeys() {
        return virtualForeignKeys;
    }

    /** The table entries, keyed as written. */
    Map<String, TableSpec> tables() {
        return tables;
    }

    YamlNode root() {
        return root;
    }

    private static List<String> strings(YamlNode node) {
        List<String> values = new ArrayList<>();
        if (node != null) {
            node.itemsOrSelf().forEach(item -> values.add(Scalars.string(item)));
        }
        return List.copyOf(values);
    }

    private static Map<String, TableSpec> tables(YamlNode node) {
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        if (node != null) {
            Keys.requireMap(node);
            node.entries().forEach((name, table) -> tables.put(name, TableSpec.parse(name, table)));
        }
        return tables;
    }

    @Override
    public String toString() {
        return "GeneratorConfig " + source + " (" + tables.size() + " tables configured)";
    }

    /**
     * What applies to every table and column without a rule of its own: rows per table (100), the share of NULLs in
     * nullable columns (0.1), and the span of dates and timestamps (2020-01-01 to 2025-12-31).
     */
    record Defaults(long rows, double nullFraction, long fromSecond, long toSecond) {

        static final Defaults STANDARD = new Defaults(100, 0.1, 1_577_836_800L, 1_767_225_599L);

        static Defaults parse(YamlNode node) {
            if (node == null) {
                return STANDARD;
            }
            Keys.check(node, DEFAULT_KEYS);
            long rows = node.get("rows") == null ? STANDARD.rows : Scalars.wholeNumber(node.get("rows"), 0);
            double nulls = node.get("null") == null ? STANDARD.nullFraction : Scalars.fraction(node.get("null"));
            long from = STANDARD.fromSecond;
            long to = STANDARD.toSecond;
            YamlNode between = node.get("between");
            if (between != null) {
                if (!between.isList() || between.items().size() != 2) {
                    throw between.error("between takes two moments, e.g. [2020-01-01, 2025-12-31]");
                }
                from = Scalars.moment(between.items().get(0));
                to = Scalars.moment(between.items().get(1));
                if (from > to) {
                    throw between.error("the first moment is after the second; write the earlier first");
                }
            }
            return new Defaults(rows, nulls, from, to);
        }
    }
}
