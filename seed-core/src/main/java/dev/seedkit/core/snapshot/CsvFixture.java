package dev.seedkit.core.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Reads a hand-written CSV or TSV fixture ({@code schema.table.csv}, {@code table.tsv}) with Commons CSV: a header
 * row naming any of the table's columns, then one row per record. NULL follows PostgreSQL's own COPY formats: in CSV
 * an empty field is NULL and a quoted empty field ({@code ""}) the empty string; in TSV {@code \N} is NULL, an empty
 * field the empty string, and a backslash escapes a tab ({@code \t}), a newline ({@code \n}) or itself, so that an
 * exported table file reads as a TSV fixture too. Values stay text, typed by the column they load into.
 */
final class CsvFixture {

    private CsvFixture() {
    }

    /** Reads the fixture {@code in}, the file named {@code file} (which names its table); {@code where} in errors. */
    static FixtureTable read(InputStream in, String file, String where) {
        boolean tabs = file.endsWith(".tsv");
        String table = file.substring(0, file.lastIndexOf('.'));
        FixtureTable fixture = new FixtureTable(table, file, where);
        CSVFormat format = tabs ? CSVFormat.DEFAULT.builder().setDelimiter('\t').setQuote(null).setEscape('\\')
                .setNullString("\\N").setIgnoreEmptyLines(true).get()
                : CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).setIgnoreEmptyLines(true).get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw FixtureTable.error(where + ": the file is empty; its first line names the columns, e.g. "
                        + "id" + (tabs ? "<TAB>" : ",") + "name.");
            }
            List<String> header = records.next().toList();
            header.forEach(column -> fixture.column(column, 1, false));
            long nextLine = parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = Math.max(nextLine, parser.getCurrentLineNumber() - (tabs ? 0 : lineBreaks(record)));
                fixture.row(values(record, header, where, line), line);
                nextLine = parser.getCurrentLineNumber() + 1;
            }
            return fixture;
        } catch (IOException | UncheckedIOException e) {
            throw FixtureTable.error(where + ": not valid " + (tabs ? "TSV" : "CSV") + ": " + e.getMessage()
                    + ". Check the quotes around that line.");
        }
    }

    private static Map<String, String> values(CSVRecord record, List<String> header, String where, long line) {
        if (record.size() != header.size()) {
            throw FixtureTable.error(where + " line " + line + ": " + record.size() + " values, but the header "
                    + "names " + header.size() + " columns " + header + "; give every row one value per column "
                    + "(in CSV an empty field is NULL, \"\" the empty string; in TSV \\N is NULL).");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), record.get(i));
        }
        return values;
    }

    /**
     * Writes {@code rows} as the CSV fixture {@code file} (which must not exist): a header naming the columns, then
     * one record per row, NULL as an empty field and every other value quoted, so that {@link #read} gives the same
     * values back.
     */
    static long write(TableRows rows, Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator('\n')
                .get();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            printer.printRecord(rows.table().columnNames());
            for (Optional<List<String>> row = rows.nextRow(); row.isPresent(); row = rows.nextRow()) {
                printer.printRecord(row.get());
            }
            return rows.rowsRead();
        }
    }

    /** Line breaks inside the record's quoted values, so that a record spanning lines starts on its first. */
    private static long lineBreaks(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            if (value != null) {
                breaks += value.chars().filter(c -> c == '\n').count();
            }
        }
        return breaks;
    }
}
