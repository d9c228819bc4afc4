package dev.flotilla.reference.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV file read whole: a header row and data rows of the same width. Fields are quoted
 * with double quotes when they hold a comma, a quote or a line break; an empty field means NULL.
 */
record CsvFile(Path path, List<String> header, List<List<String>> rows) {

    static CsvFile read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            // A byte-order mark would otherwise become part of the first column name.
            text = text.substring(1);
        }
        List<List<String>> records = new Parser(path, text).records();
        if (records.isEmpty()) {
            throw new IOException(path + ": no header row");
        }
        List<String> header = records.getFirst();
        List<List<String>> rows = records.subList(1, records.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() == 1 && rows.get(i).getFirst().isEmpty()) {
                throw new IOException("%s: data row %d is a blank line".formatted(path, i + 1));
            }
            if (rows.get(i).size() != header.size()) {
                throw new IOException("%s: data row %d has %d fields, the header has %d"
                        .formatted(path, i + 1, rows.get(i).size(), header.size()));
            }
        }
        return new CsvFile(path, header, rows);
    }

    /** A single pass over the text; tracks the line number for error messages. */
    private static final class Parser {

        private final Path path;
        private final String text;
        private int position;
        private int line = 1;

        Parser(Path path, String text) {
            this.path = path;
            this.text = text;
        }

        List<List<String>> records() throws IOException {
            List<List<String>> records = new ArrayList<>();
            while (position < text.length()) {
                records.add(record());
            }
            return records;
        }

        private List<String> record() throws IOException {
            List<String> fields = new ArrayList<>();
            while (true) {
                fields.add(field());
                if (position >= text.length()) {
                    return fields;
                }
                char separator = text.charAt(position++);
                if (separator == '\n') {
                    line++;
                    return fields;
                }
                if (separator == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                    line++;
                    return fields;
                }
                if (separator != ',') {
                    throw error("unexpected character '" + separator + "' after a field");
                }
            }
        }

        private String field() throws IOException {
            if (position < text.length() && text.charAt(position) == '"') {
                return quotedField();
            }
            int start = position;
            while (position < text.length() && ",\r\n".indexOf(text.charAt(position)) < 0) {
                if (text.charAt(position) == '"') {
                    throw error("a quote inside an unquoted field");
                }
                position++;
            }
            return text.substring(start, position);
        }

        private String quotedField() throws IOException {
            StringBuilder value = new StringBuilder();
            int startLine = line;
            position++;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    if (position < text.length() && text.charAt(position) == '"') {
                        value.append('"');
                        position++;
                    } else {
                        return value.toString();
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    value.append(c);
                }
            }
            line = startLine;
            throw error("a quoted field is not closed");
        }

        private IOException error(String problem) {
            return new IOException("%s:%d: %s".formatted(path, line, problem));
        }
    }
}
