package dev.seedkit.spring;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.junit.DatabaseKind;
import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SchemaInitializer;
import dev.seedkit.junit.SeedkitExtension;
import java.util.List;

/**
 * What a {@link SeededDataSource} says about the template, as written: every attribute but the isolation. Classes
 * with equal declarations share one cached application context (the key of {@link SeededDataSourceCustomizer}) and
 * one {@link DataSourceTarget}, which the running class points at its copy of the template.
 */
record TemplateDeclaration(List<String> locations, List<String> tables, String version, String checksum,
                           ImportMode mode, List<String> initScripts, Class<? extends SchemaInitializer> initializer,
                           DatabaseKind database) {

    static TemplateDeclaration of(SeededDataSource annotation) {
        return new TemplateDeclaration(List.of(annotation.value()), List.of(annotation.tables()),
                annotation.version(), annotation.checksum(), annotation.mode(), List.of(annotation.initScripts()),
                annotation.initializer(), annotation.database());
    }

    /** Seedkit's JUnit extension for this template, giving each class a database with {@code isolation}. */
    SeedkitExtension extension(Isolation isolation) {
        return SeedkitExtension.builder()
                .snapshot(String.join(",", locations))
                .tables(tables.toArray(String[]::new))
                .version(version)
                .checksum(checksum)
                .mode(mode)
                .initScripts(initScripts.toArray(String[]::new))
                .initializer(initializer)
                .isolation(isolation)
                .database(database)
                .build();
    }
}
