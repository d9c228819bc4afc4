package dev.flotilla.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReadOnlyAccessTests {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO country (alpha2, alpha3, numeric_code, name) VALUES ('QQ', 'QQQ', '998', 'Nowhere')",
            "UPDATE exchange_rate SET units_per_eur = '2' WHERE currency_code = 'USD'",
            "DELETE FROM city",
            "DROP TABLE category",
            "CREATE TABLE extra (id INTEGER)"})
    void connectionsRefuseEveryWrite(String sql) throws Exception {
        Path file = copyOfBundledFile();
        byte[] before = Files.readAllBytes(file);
        try (Connection connection = ReadOnlyConnections.open(file); Statement statement = connection.createStatement()) {
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(sql))
                    .withMessageContaining("readonly");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void opensAFileGivenByPathAndLeavesItInPlace() throws Exception {
        Path file = copyOfBundledFile();
        try (ReferenceData data = ReferenceData.open(file, 1)) {
            assertThat(data.country("FR")).isPresent();
        }
        assertThat(file).exists();
    }

    @Test
    void closingTheBundledCopyDeletesTheExtractedFileAndLaterCallsFailAtOnce() {
        ReferenceData data = ReferenceData.openBundled();
        Path extracted = data.extractedFile().orElseThrow();
        assertThat(extracted).exists();
        data.close();
        assertThat(extracted).doesNotExist();
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> data.country("DE"))
                .withMessageContaining("is closed");
    }

    @Test
    void copiesLeftByKilledProcessesAreDeletedByTheNextExtraction() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long deadPid = Long.MAX_VALUE / 2;
        Path orphan = Files.writeString(temp.resolve(BundledFile.PREFIX + deadPid + "-123.db"), "left by a killed JVM");
        Path unrelated = Files.writeString(temp.resolve(BundledFile.PREFIX + "not-ours.db"), "keep");
        try (ReferenceData data = ReferenceData.openBundled()) {
            assertThat(orphan).doesNotExist();
            assertThat(unrelated).exists();
            assertThat(data.extractedFile().orElseThrow().getFileName().toString())
                    .startsWith(BundledFile.PREFIX + ProcessHandle.current().pid() + "-");
        } finally {
            Files.deleteIfExists(unrelated);
        }
    }

    @Test
    void aMissingOrForeignFileIsRejectedClearly() throws Exception {
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.open(directory.resolve("missing.db")))
                .withMessageContaining("does not exist");
        Path notReferenceData = Files.writeString(directory.resolve("text.db"), "not a database");
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.open(notReferenceData));
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.open(copyOfBundledFile(), 0))
                .withMessageContaining("at least one connection");
    }

    @Test
    void servesManyThreadsAtOnceWithFewConnections() throws Exception {
        try (ReferenceData data = ReferenceData.open(copyOfBundledFile(), 2);
                ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                results.add(threads.submit(() -> {
                    int found = 0;
                    for (int i = 0; i < 500; i++) {
                        found += data.country(i % 2 == 0 ? "DE" : "JP").isPresent() ? 1 : 0;
                        found += data.cities("FR", 0, 5).items().size() == 5 ? 1 : 0;
                    }
                    return found;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(1000);
            }
        }
    }

    private Path copyOfBundledFile() throws Exception {
        Path file = directory.resolve("reference-" + System.nanoTime() + ".db");
        try (var bundled = ReferenceData.class.getResourceAsStream(ReferenceData.BUNDLED_RESOURCE)) {
            Files.copy(bundled, file);
        }
        return file;
    }
}
