package dev.flotilla.reference.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.sqlite.SQLiteConfig;

/**
 * Builds {@code reference.db} from the CSV sources: Flyway creates the schema from the versioned
 * migrations in {@code db/reference}, {@link CsvTableLoader} loads the rows, integrity is checked,
 * and a checksum of the content is recorded. The same sources always give the same content checksum
 * and, with the same SQLite library, the same bytes.
 *
 * <p>Runs during the Maven build ({@code process-classes}); the arguments are the CSV directory and
 * the output file.
 */
public final class ReferenceDatabaseBuilder {

    /** Data tables in load order; the CSV file of each is {@code <name>.csv} with the same column names. */
    static final List<SourceTable> TABLES = List.of(
            new SourceTable("currency", "currencies.csv", "code"),
            new SourceTable("country", "countries.csv", "alpha2"),
            new SourceTable("city", "cities.csv", "id"),
            new SourceTable("exchange_rate", "exchange_rates.csv", "currency_code"),
            new SourceTable("tax_rate", "tax_rates.csv", "country_code"),
            new SourceTable("category", "categories.csv", "slug"));

    /** Flyway logs each migration through java.util.logging; the builder prints its own summary line. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final Path csvDirectory;

    ReferenceDatabaseBuilder(Path csvDirectory) {
        this.csvDirectory = csvDirectory;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReferenceDatabaseBuilder <csv-directory> <output-file>");
        }
        FLYWAY_LOG.setLevel(Level.WARNING);
        Path output = Path.of(args[1]);
        BuiltDatabase built = new ReferenceDatabaseBuilder(Path.of(args[0])).build(output);
        System.out.printf("reference-data: built %s (schema version %s, %d rows, content checksum %s)%n",
                output, built.schemaVersion(), built.rows(), built.contentChecksum());
    }

    /** Builds a fresh database at {@code output}, replacing any file already there. */
    BuiltDatabase build(Path output) throws IOException, SQLException {
        Path file = output.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-journal"));
        String schemaVersion = migrate(file);
        try (Connection connection = open(file)) {
            BuiltDatabase built = load(connection, schemaVersion);
            try (Statement statement = connection.createStatement()) {
                // Rewrites the file compactly, so equal content gives equal bytes.
                statement.execute("VACUUM");
            }
            return built;
        }
    }

    private static String migrate(Path file) {
        MigrateResult result = Flyway.configure()
                .dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/reference")
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .load()
                .migrate();
        return result.targetSchemaVersion;
    }

    private BuiltDatabase load(Connection connection, String schemaVersion) throws IOException, SQLException {
        connection.setAutoCommit(false);
        long rows = 0;
        for (SourceTable table : TABLES) {
            rows += new CsvTableLoader(connection).load(table, CsvFile.read(csvDirectory.resolve(table.csvFile())));
        }
        IntegrityChecks.verify(connection);
        String checksum = ContentChecksum.of(connection, TABLES);
        writeDatasetInfo(connection, schemaVersion, checksum);
        normaliseMigrationHistory(connection);
        connection.commit();
        connection.setAutoCommit(true);
        return new BuiltDatabase(schemaVersion, checksum, rows);
    }

    private static void writeDatasetInfo(Connection connection, String schemaVersion, String checksum)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dataset_info (key, value) VALUES (?, ?)")) {
            for (String[] entry : new String[][] {{"schema_version", schemaVersion}, {"content_checksum", checksum}}) {
                insert.setString(1, entry[0]);
                insert.setString(2, entry[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Flyway records who migrated and when; fixed values keep the built file reproducible. */
    private static void normaliseMigrationHistory(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    UPDATE flyway_schema_history
                       SET installed_by = 'reference-data', installed_on = '1970-01-01 00:00:00', execution_time = 0
                    """);
        }
    }

    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /** A data table, the CSV file it is loaded from, and the column its rows are ordered by. */
    record SourceTable(String name, String csvFile, String primaryKey) {
    }

    /** What a build produced. */
    record BuiltDatabase(String schemaVersion, String contentChecksum, long rows) {
    }
}
