package dev.seedkit.spring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.junit.DatabaseKind;
import dev.seedkit.junit.SchemaInitializer;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSourceTargetTests {

    private final DataSourceTarget target = DataSourceTarget.of(new TemplateDeclaration(List.of("classpath:"
            + getClass().getName()), List.of(), "", "", ImportMode.DEFAULT, List.of(), SchemaInitializer.class,
            DatabaseKind.DEFAULT));

    @Test
    void aDataSourceUsedBetweenClassesSaysThatNoClassIsServed() {
        target.serve("com.example.FirstTests", null);
        target.release("com.example.FirstTests");

        assertThatThrownBy(target::dataSource).isInstanceOf(SQLException.class)
                .hasMessageContaining("serves no database now: no test class with @SeededDataSource is running");
    }

    @Test
    void aSecondClassServedWhileTheFirstRunsIsRefused() {
        target.serve("com.example.FirstTests", null);
        try {
            assertThatThrownBy(() -> target.serve("com.example.SecondTests", null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("com.example.SecondTests and com.example.FirstTests run at the same time")
                    .hasMessageContaining("@ResourceLock(SeededDataSource.RESOURCE_LOCK)");
        } finally {
            target.release("com.example.FirstTests");
        }
    }
}
