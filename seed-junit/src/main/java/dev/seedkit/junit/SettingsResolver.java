package dev.seedkit.junit;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.PostgresServerException;
import dev.seedkit.postgres.PostgresServers;
import dev.seedkit.postgres.ServerKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Resolves the defaults of a {@link SeedDeclaration}: an attribute left at {@code DEFAULT} (or empty) takes the
 * configuration parameter named by the {@link SeedkitExtension} constants (from {@code junit-platform.properties},
 * a system property or the launcher), then, for the server, an environment variable, then a built-in value.
 */
final class SettingsResolver {

    private final ExtensionContext context;

    SettingsResolver(ExtensionContext context) {
        this.context = context;
    }

    SeedSettings resolve(SeedDeclaration declaration) {
        ImportMode mode = choose(declaration.mode(), ImportMode.DEFAULT, SeedkitExtension.MODE_PROPERTY,
                ImportMode.INSERT_MISSING);
        SeedRequest request = new SeedRequest(location(declaration), tables(declaration.tables()), mode,
                declaration.version().trim(), declaration.checksum().trim(), declaration.origin(),
                parameter(SeedkitExtension.NATURAL_KEYS_PROPERTY).orElse(""));
        return new SeedSettings(request, initScripts(declaration), initializer(declaration),
                choose(declaration.isolation(), Isolation.DEFAULT, SeedkitExtension.ISOLATION_PROPERTY,
                        Isolation.CLONE_PER_CLASS),
                server(declaration.database()),
                parameter(SeedkitExtension.KEEP_TEMPLATES_PROPERTY).map(Boolean::parseBoolean).orElse(false),
                readyClones());
    }

    private String location(SeedDeclaration declaration) {
        if (!declaration.location().isBlank()) {
            return declaration.location().trim();
        }
        return parameter(SeedkitExtension.SNAPSHOT_PROPERTY).orElseThrow(() -> new ExtensionConfigurationException(
                "No snapshot location for " + declaration.origin() + ": name one, e.g. "
                        + "@SeedFromFixtures(\"classpath:fixtures/demo\"), or set the configuration parameter "
                        + SeedkitExtension.SNAPSHOT_PROPERTY + " in junit-platform.properties."));
    }

    /** Table names, trimmed, without duplicates, in a stable order (the order does not matter to the import). */
    private static List<String> tables(List<String> declared) {
        TreeSet<String> tables = new TreeSet<>();
        declared.stream().map(String::trim).filter(name -> !name.isEmpty()).forEach(tables::add);
        return List.copyOf(tables);
    }

    private List<String> initScripts(SeedDeclaration declaration) {
        if (!declaration.initScripts().isEmpty()) {
            return declaration.initScripts().stream().map(String::trim).toList();
        }
        return parameter(SeedkitExtension.INIT_SCRIPTS_PROPERTY)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private Class<? extends SchemaInitializer> initializer(SeedDeclaration declaration) {
        if (declaration.initializer() != SchemaInitializer.class) {
            return declaration.initializer();
        }
        return parameter(SeedkitExtension.INITIALIZER_PROPERTY).map(this::initializerClass).orElse(null);
    }

    private Class<? extends SchemaInitializer> initializerClass(String name) {
        Optional<Class<?>> loaded = ReflectionSupport.tryToLoadClass(name).toOptional();
        if (loaded.isEmpty() || !SchemaInitializer.class.isAssignableFrom(loaded.get())) {
            throw new ExtensionConfigurationException("Configuration parameter " + SeedkitExtension.INITIALIZER_PROPERTY
                    + " = '" + name + "' is not " + (loaded.isEmpty() ? "a class on the test classpath" : "a "
                    + SchemaInitializer.class.getName()) + ": name a class that implements SchemaInitializer.");
        }
        return loaded.get().asSubclass(SchemaInitializer.class);
    }

    ServerSpec server(DatabaseKind declared) {
        DatabaseKind kind = declared != DatabaseKind.DEFAULT ? declared : configuredKind();
        return switch (kind) {
            case EMBEDDED -> ServerSpec.embedded(
                    parameter(SeedkitExtension.WARM_PROPERTY).map(Boolean::parseBoolean).orElse(true),
                    parameter(SeedkitExtension.CACHE_DIR_PROPERTY).orElse(""));
            case CONTAINER -> ServerSpec.container(setting(SeedkitExtension.CONTAINER_IMAGE_PROPERTY)
                    .orElse(PostgresServers.DEFAULT_IMAGE),
                    setting(SeedkitExtension.CONTAINER_REUSE_PROPERTY).map(Boolean::parseBoolean).orElse(false));
            case URL -> ServerSpec.url(setting(SeedkitExtension.JDBC_URL_PROPERTY).orElseThrow(() ->
                            new ExtensionConfigurationException("database = URL, but no JDBC URL is configured: set "
                                    + "the configuration parameter " + SeedkitExtension.JDBC_URL_PROPERTY + " or the "
                                    + "environment variable SEEDKIT_JDBC_URL, e.g. "
                                    + "jdbc:postgresql://localhost:5432/postgres")),
                    setting(SeedkitExtension.JDBC_USER_PROPERTY).orElse(""),
                    setting(SeedkitExtension.JDBC_PASSWORD_PROPERTY).orElse(""));
            case DEFAULT -> throw new IllegalStateException("unresolved database kind");
        };
    }

    /** The kind by seed-postgres's rule ({@link ServerKind#configured}), which every Seedkit module shares. */
    private DatabaseKind configuredKind() {
        try {
            return DatabaseKind.valueOf(ServerKind.configured(this::parameter).name());
        } catch (PostgresServerException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private <E extends Enum<E>> E choose(E declared, E unset, String key, E builtIn) {
        if (declared != unset) {
            return declared;
        }
        return parameter(key).map(value -> parse(declared.getDeclaringClass(), unset, key, value)).orElse(builtIn);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, E unset, String key, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant != unset && constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).filter(c -> c != unset)
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        throw new ExtensionConfigurationException("Unknown " + key + " '" + value + "': use one of "
                + String.join(", ", allowed) + ".");
    }

    /** A configuration parameter (which JUnit also reads from system properties), else its environment variable. */
    private Optional<String> setting(String key) {
        return ServerKind.setting(this::parameter, key);
    }

    private int readyClones() {
        String value = parameter(SeedkitExtension.READY_CLONES_PROPERTY).orElse(null);
        if (value == null) {
            return SeedkitExtension.DEFAULT_READY_CLONES;
        }
        try {
            int clones = Integer.parseInt(value);
            if (clones >= 0) {
                return clones;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ExtensionConfigurationException("Configuration parameter " + SeedkitExtension.READY_CLONES_PROPERTY
                + " is '" + value + "': give a whole number from 0 (copy on the test's path, as without a pool) up, "
                + "e.g. " + SeedkitExtension.READY_CLONES_PROPERTY + "=" + SeedkitExtension.DEFAULT_READY_CLONES + ".");
    }

    private Optional<String> parameter(String key) {
        return context.getConfigurationParameter(key).map(String::trim).filter(value -> !value.isEmpty());
    }
}
