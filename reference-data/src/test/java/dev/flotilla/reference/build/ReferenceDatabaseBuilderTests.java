package dev.flotilla.reference.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

import dev.flotilla.reference.ReferenceData;
import dev.flotilla.reference.build.ReferenceDatabaseBuilder.BuiltDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReferenceDatabaseBuilderTests {

    private static final Path SOURCES = Path.of("src/main/csv");

    @TempDir
    Path directory;

    @Test
    void theSameSourcesGiveTheSameContentChecksumAndBytes() throws Exception {
        Path first = directory.resolve("first/reference.db");
        Path second = directory.resolve("second/reference.db");
        BuiltDatabase one = new ReferenceDatabaseBuilder(SOURCES).build(first);
        BuiltDatabase two = new ReferenceDatabaseBuilder(SOURCES).build(second);

        assertThat(two).isEqualTo(one);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (ReferenceData bundled = ReferenceData.openBundled()) {
            assertThat(bundled.info().contentChecksum()).isEqualTo(one.contentChecksum());
        }
    }

    @Test
    void aChangedValueChangesTheChecksum() throws Exception {
        Path sources = copyOfSources();
        Path rates = sources.resolve("exchange_rates.csv");
        Files.writeString(rates, Files.readString(rates).replaceFirst("\nUSD,[0-9.]+,", "\nUSD,1.5,"));

        BuiltDatabase original = new ReferenceDatabaseBuilder(SOURCES).build(directory.resolve("a.db"));
        BuiltDatabase changed = new ReferenceDatabaseBuilder(sources).build(directory.resolve("b.db"));
        assertThat(changed.contentChecksum()).isNotEqualTo(original.contentChecksum());
    }

    @Test
    void aCityOfAnUnknownCountryFailsTheBuildNamingTheRow() throws Exception {
        Path sources = copyOfSources();
        append(sources.resolve("cities.csv"), "99999999,QQ,Atlantis,1000,Europe/Berlin,1.0,1.0\n");

        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> new ReferenceDatabaseBuilder(sources).build(directory.resolve("bad.db")))
                .withMessageContaining("cities.csv data row").withMessageContaining("Atlantis")
                .withMessageContaining("FOREIGN KEY");
    }

    @Test
    void aCategoryCycleFailsTheBuild() throws Exception {
        Path sources = copyOfSources();
        append(sources.resolve("categories.csv"), "loop-a,Loop A,loop-b\nloop-b,Loop B,loop-a\n");

        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> new ReferenceDatabaseBuilder(sources).build(directory.resolve("tree.db")))
                .withMessageContaining("categories.csv data row").withMessageContaining("loop-a");
    }

    @Test
    void aValueOfTheWrongTypeFailsTheBuild() throws Exception {
        Path sources = copyOfSources();
        append(sources.resolve("cities.csv"), "99999998,DE,Nowhere,many,Europe/Berlin,1.0,1.0\n");

        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> new ReferenceDatabaseBuilder(sources).build(directory.resolve("bad.db")))
                .withMessageContaining("cities.csv data row");
    }

    @Test
    void aRateThatIsNotAPlainDecimalFailsTheBuild() throws Exception {
        Path sources = copyOfSources();
        Path rates = sources.resolve("exchange_rates.csv");
        Files.writeString(rates, Files.readString(rates).replaceFirst("\nUSD,[0-9.]+,", "\nUSD,1.2.3,"));

        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> new ReferenceDatabaseBuilder(sources).build(directory.resolve("bad.db")))
                .withMessageContaining("exchange_rates.csv data row").withMessageContaining("CHECK");
    }

    @Test
    void aHeaderThatDoesNotFitTheTableFailsTheBuild() throws Exception {
        Path sources = copyOfSources();
        Path currencies = sources.resolve("currencies.csv");
        Files.writeString(currencies, Files.readString(currencies).replaceFirst("minor_units", "decimals"));

        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> new ReferenceDatabaseBuilder(sources).build(directory.resolve("bad.db")))
                .withMessageContaining("currencies.csv: header");
    }

    private Path copyOfSources() throws IOException {
        Path copy = Files.createDirectories(directory.resolve("sources-" + System.nanoTime()));
        try (var files = Files.list(SOURCES)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".csv")).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}
