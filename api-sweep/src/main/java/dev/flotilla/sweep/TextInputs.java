package dev.flotilla.sweep;

import java.util.List;

/** The hostile and unusual strings a sweep puts into text fields and parameters. */
final class TextInputs {

    private TextInputs() {
    }

    /** A label and the text to send. */
    record Text(String label, String value) {
    }

    /** Inserted into a valid value: every one must be refused. */
    static List<Text> controls(String valid) {
        int middle = valid.length() / 2;
        String head = valid.substring(0, middle);
        String tail = valid.substring(middle);
        return List.of(new Text("NUL", head + "\u0000" + tail),
                new Text("C0 control U+0001", head + "\u0001" + tail),
                new Text("escape U+001B", head + "\u001b[31m" + tail),
                new Text("lone surrogate \\ud800", head + Requests.LONE_SURROGATE + tail),
                new Text("noncharacter U+FFFE", head + "\uFFFE" + tail),
                new Text("byte order mark", "\uFEFF" + valid));
    }

    /** In place of required text: every one must be refused. */
    static List<Text> blanks() {
        return List.of(new Text("spaces only", "   "),
                new Text("no-break spaces only", "\u00a0\u00a0"),
                new Text("ideographic space only", "\u3000"),
                new Text("zero-width space only", "\u200b"),
                new Text("tab and newline only", "\t\n"));
    }

    /** May be accepted as text; must never make the service fail. */
    static List<Text> injections() {
        return List.of(new Text("SQL", "' OR 1=1--"),
                new Text("SQL stacked", "x'; DROP TABLE users; --"),
                new Text("NoSQL operator as text", "{\"$gt\": \"\"}"),
                new Text("NoSQL where", "'; return true; var x='"),
                new Text("LDAP", "*)(uid=*))(|(uid=*"),
                new Text("template", "${7*7}{{7*7}}"),
                new Text("path", "../../etc/passwd"));
    }

    /** May be accepted: Unicode from several planes, emoji, bidirectional controls. */
    static List<Text> unicode() {
        return List.of(new Text("planes 0-2, 14 and 15", "é中ⓐ𝄞𠀀\uDB40\uDC41\uDB80\uDC00"),
                new Text("emoji with joiners", "👩‍👩‍👧‍👦🏳️‍🌈"),
                new Text("right-to-left marks", "\u202Eabc\u200F\u202C"),
                new Text("combining marks", "Z̵̢̛͎̯a̷l̶g̵o"));
    }

    /** The longest legal text of a field ({@code maxLength}, else 10 000 characters). */
    static String longText(String valid, Integer maxLength) {
        int length = maxLength == null ? 10_000 : maxLength;
        StringBuilder text = new StringBuilder(valid.isEmpty() ? "x" : valid);
        char last = text.charAt(text.length() - 1);
        while (text.length() < length) {
            text.append(last);
        }
        return text.substring(0, length);
    }
}
