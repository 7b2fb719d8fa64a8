package dev.seedkit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.dbunit.database.DatabaseConfig;
import org.dbunit.database.DatabaseConnection;
import org.dbunit.database.IDatabaseConnection;
import org.dbunit.database.QueryDataSet;
import org.dbunit.dataset.IDataSet;
import org.dbunit.dataset.xml.FlatXmlDataSet;
import org.dbunit.dataset.xml.FlatXmlDataSetBuilder;
import org.dbunit.ext.postgresql.PostgresqlDataTypeFactory;
import org.dbunit.operation.DatabaseOperation;

/**
 * The incumbent peer: DBUnit's {@code CLEAN_INSERT} of a flat XML data set, the way DBUnit suites seed a database.
 * The data set is written once by DBUnit itself from the source database; each load parses it and inserts it with
 * DBUnit's defaults plus the PostgreSQL data type factory (needed for uuid and jsonb).
 */
final class DbUnitLoad {

    private final Path file;
    private final int divisor;

    private DbUnitLoad(Path file, int divisor) {
        this.file = file;
        this.divisor = divisor;
    }

    /**
     * Writes the first {@code 1/divisor} of {@code data} (a foreign-key-closed slice) from {@code source} as flat
     * XML.
     */
    static DbUnitLoad export(Connection source, LargeDataset data, int divisor, Path file) throws Exception {
        QueryDataSet slice = new QueryDataSet(connection(source));
        for (String table : LargeDataset.TABLES) {
            String name = table.substring(table.indexOf('.') + 1);
            slice.addTable(name, "SELECT * FROM " + table + " WHERE " + data.sliceCondition(table, divisor)
                    + " ORDER BY id");
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            FlatXmlDataSet.write(slice, out);
        }
        return new DbUnitLoad(file, divisor);
    }

    /** The data set holds {@code 1/divisor} of the large data set's rows. */
    int divisor() {
        return divisor;
    }

    /**
     * Parses the data set and runs {@code CLEAN_INSERT} (delete all rows of its tables, then insert) over
     * {@code c}.
     */
    void load(Connection c) throws Exception {
        IDataSet dataSet = new FlatXmlDataSetBuilder().build(file.toFile());
        DatabaseOperation.CLEAN_INSERT.execute(connection(c), dataSet);
    }

    long fileSize() throws IOException {
        return Files.size(file);
    }

    private static IDatabaseConnection connection(Connection c) throws Exception {
        DatabaseConnection connection = new DatabaseConnection(c, "public");
        connection.getConfig().setProperty(DatabaseConfig.PROPERTY_DATATYPE_FACTORY, new PostgresqlDataTypeFactory());
        return connection;
    }
}
