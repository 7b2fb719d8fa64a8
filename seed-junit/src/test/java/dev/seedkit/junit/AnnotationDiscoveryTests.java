package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.failureMessages;
import static dev.seedkit.junit.EngineRuns.queryValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@ExtendWith(TestPostgres.class)
class AnnotationDiscoveryTests {

    static final Map<String, SeededDatabase> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void findsTheAnnotationAsAMetaAnnotation(PostgresServer server) {
        EngineRuns.on(server).run(MetaAnnotatedTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(seen.get("meta").isolation()).isEqualTo(Isolation.ROLLBACK_PER_METHOD);
    }

    @Test
    void findsTheAnnotationOnASuperclass(PostgresServer server) {
        EngineRuns.on(server).run(InheritingTestCase.class, InheritingMetaAnnotationTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(seen.get("inherited").isolation()).isEqualTo(Isolation.CLONE_PER_METHOD);
        assertThat(seen.get("inherited meta").isolation()).isEqualTo(Isolation.ROLLBACK_PER_METHOD);
    }

    @Test
    void letsNestedClassesShareTheEnclosingDatabaseUnlessTheyCarryTheirOwnAnnotation(PostgresServer server) {
        EngineRuns.on(server).run(OuterTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

        assertThat(seen.get("outer").databaseName()).isEqualTo(seen.get("nested").databaseName())
                .isEqualTo(seen.get("deeper").databaseName());
        assertThat(seen.get("nested").isolation()).isEqualTo(Isolation.CLONE_PER_CLASS);
        assertThat(seen.get("own").databaseName()).isNotEqualTo(seen.get("outer").databaseName());
        assertThat(seen.get("own").isolation()).isEqualTo(Isolation.ROLLBACK_PER_METHOD);
    }

    @Test
    void givesANestedClassWrittenInASuperclassTheDatabaseOfTheClassItRunsIn(PostgresServer server) {
        EngineRuns.on(server).run(ConcreteOuterTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(seen.get("inherited nested").databaseName()).isEqualTo(seen.get("concrete").databaseName());
    }

    @Test
    void seedFromFixturesWithTablesSeedsWhatSeedTablesSeedsFromOneTemplate(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(FixturesWithTablesTestCase.class,
                TablesFirstTestCase.class);

        assertThat(failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(((SeededDatabaseHandle) seen.get("fixtures with tables")).templateName())
                .isEqualTo(((SeededDatabaseHandle) seen.get("tables first")).templateName());
    }

    @Test
    void rejectsBothAnnotationsOnOneClass(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(BothAnnotationsTestCase.class);

        assertThat(failureMessages(results)).containsExactly(BothAnnotationsTestCase.class.getName()
                + " carries both @SeedFromFixtures and @SeedTables: keep one (@SeedFromFixtures(value = ..., "
                + "tables = {...}) says what @SeedTables says).");
    }

    @Test
    void rejectsAnAnnotationTogetherWithARegisteredExtension(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(AnnotationAndExtensionTestCase.class);

        String name = AnnotationAndExtensionTestCase.class.getName();
        assertThat(failureMessages(results)).containsExactly(name + " is configured twice for Seedkit, by "
                + "@SeedFromFixtures on " + name + " and by SeedkitExtension in " + name + ": keep one of them.");
    }

    /** A team's own annotation. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.ROLLBACK_PER_METHOD)
    @interface OrderFixtures {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", tables = "customers",
            initScripts = "classpath:sql/orders-schema.sql")
    static class FixturesWithTablesTestCase {
        @Test
        void importsOnlyTheNamedTable(SeededDatabase database) {
            seen.put("fixtures with tables", database);
            assertThat(database.rowCounts()).containsOnlyKeys("public.customers");
        }
    }

    @SeedTables(value = "customers", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class TablesFirstTestCase {
        @Test
        void hasOnlyTheNamedTable(SeededDatabase database) {
            seen.put("tables first", database);
        }
    }

    @OrderFixtures
    static class MetaAnnotatedTestCase {
        @Test
        void isSeeded(SeededDatabase database, Connection connection) throws SQLException {
            seen.put("meta", database);
            assertThat(queryValue(connection, "select count(*) from orders")).isEqualTo("2");
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.CLONE_PER_METHOD)
    abstract static class AnnotatedBaseTestCase {
    }

    static class InheritingTestCase extends AnnotatedBaseTestCase {
        @Test
        void isSeeded(SeededDatabase database) {
            seen.put("inherited", database);
        }
    }

    @OrderFixtures
    abstract static class MetaAnnotatedBaseTestCase {
    }

    static class InheritingMetaAnnotationTestCase extends MetaAnnotatedBaseTestCase {
        @Test
        void isSeeded(SeededDatabase database) {
            seen.put("inherited meta", database);
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class OuterTestCase {
        @Test
        void outer(SeededDatabase database) {
            seen.put("outer", database);
        }

        @Nested
        class WithoutAnnotation {
            @Test
            void nested(SeededDatabase database) {
                seen.put("nested", database);
            }

            @Nested
            class Deeper {
                @Test
                void deeper(SeededDatabase database) {
                    seen.put("deeper", database);
                }
            }
        }

        @Nested
        @SeedTables(value = "orders", from = "classpath:fixtures/demo",
                initScripts = "classpath:sql/orders-schema.sql", isolation = Isolation.ROLLBACK_PER_METHOD)
        class WithItsOwnAnnotation {
            @Test
            void own(SeededDatabase database) {
                seen.put("own", database);
            }
        }
    }

    /** Declares a {@code @Nested} class but no database: the class it runs in has the declaration. */
    abstract static class UnannotatedOuterTestCase {
        @Nested
        class InheritedNested {
            @Test
            void nested(SeededDatabase database) {
                seen.put("inherited nested", database);
            }
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class ConcreteOuterTestCase extends UnannotatedOuterTestCase {
        @Test
        void concrete(SeededDatabase database) {
            seen.put("concrete", database);
        }
    }

    @SeedFromFixtures("classpath:fixtures/demo")
    @SeedTables(value = "orders", from = "classpath:fixtures/demo")
    static class BothAnnotationsTestCase {
        @Test
        void neverRuns() {
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class AnnotationAndExtensionTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .initScripts("classpath:sql/orders-schema.sql").build();

        @Test
        void neverRuns() {
        }
    }
}
