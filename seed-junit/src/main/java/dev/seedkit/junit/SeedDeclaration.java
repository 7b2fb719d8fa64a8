package dev.seedkit.junit;

import dev.seedkit.core.importer.ImportMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a test class asked for, as written: attributes of {@link SeedFromFixtures}, {@link SeedTables} or a
 * {@link SeedkitExtension} builder, still holding {@code DEFAULT}s and empty values. {@code origin} says where it was
 * declared ("@SeedFromFixtures on com.example.OrderTests"), for messages. {@link SettingsResolver} turns it into
 * {@link SeedSettings}.
 */
record SeedDeclaration(String origin, String location, List<String> tables, String version, String checksum,
                       ImportMode mode, List<String> initScripts, Class<? extends SchemaInitializer> initializer,
                       Isolation isolation, DatabaseKind database) {

    SeedDeclaration {
        tables = List.copyOf(tables);
        initScripts = List.copyOf(initScripts);
    }

    static SeedDeclaration of(SeedFromFixtures annotation, Class<?> annotated) {
        return new SeedDeclaration("@SeedFromFixtures on " + annotated.getName(), String.join(",", annotation.value()),
                Arrays.asList(annotation.tables()), annotation.version(), annotation.checksum(), annotation.mode(),
                Arrays.asList(annotation.initScripts()), annotation.initializer(), annotation.isolation(),
                annotation.database());
    }

    static SeedDeclaration of(SeedTables annotation, Class<?> annotated) {
        if (annotation.value().length == 0) {
            throw new ExtensionConfigurationException("@SeedTables on " + annotated.getName() + " names no tables: "
                    + "list the tables to import, e.g. @SeedTables({\"orders\"}), or use @SeedFromFixtures to "
                    + "import the whole snapshot.");
        }
        return new SeedDeclaration("@SeedTables on " + annotated.getName(), annotation.from(),
                Arrays.asList(annotation.value()), annotation.version(), annotation.checksum(), annotation.mode(),
                Arrays.asList(annotation.initScripts()), annotation.initializer(), annotation.isolation(),
                annotation.database());
    }
}
