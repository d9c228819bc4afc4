package dev.flotilla.reference.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvFileTests {

    @TempDir
    Path directory;

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        CsvFile csv = read("code,name,note\nA,\"Bonaire, Sint Eustatius and Saba\",\nB,\"say \"\"hi\"\"\",\"two\nlines\"\n");
        assertThat(csv.header()).containsExactly("code", "name", "note");
        assertThat(csv.rows()).containsExactly(
                List.of("A", "Bonaire, Sint Eustatius and Saba", ""),
                List.of("B", "say \"hi\"", "two\nlines"));
    }

    @Test
    void acceptsCrLfAndAMissingFinalNewline() throws IOException {
        assertThat(read("a,b\r\n1,2\r\n3,4").rows()).containsExactly(List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void ignoresAByteOrderMarkAndNamesABlankLine() throws IOException {
        assertThat(read("\uFEFFcode,name\nA,B\n").header()).containsExactly("code", "name");
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> read("a,b\n1,2\n\n3,4\n"))
                .withMessageContaining("data row 2 is a blank line");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfFields() {
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> read("a,b\n1,2\n3\n"))
                .withMessageContaining("data row 2 has 1 fields, the header has 2");
    }

    @Test
    void rejectsAnUnclosedQuoteWithItsLine() {
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> read("a,b\n1,\"open\n"))
                .withMessageContaining(":2: a quoted field is not closed");
    }

    @Test
    void rejectsAStrayQuote() {
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> read("a,b\n1,x\"y\n"))
                .withMessageContaining("a quote inside an unquoted field");
    }

    private CsvFile read(String text) throws IOException {
        Path file = Files.writeString(directory.resolve("test.csv"), text);
        return CsvFile.read(file);
    }
}
