package dev.flotilla.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Makes a string that a (simple) regular expression matches in full: literals, classes, escapes,
 * groups, alternation and quantifiers. Character classes are sampled by asking the JDK which of a
 * few hundred plain characters they match, so {@code [^\p{Cc}]} or {@code \w} need no special
 * handling. Back-references and look-arounds are not supported: then no sample is offered.
 */
final class RegexSample {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. @+:/";

    private final String regex;
    private final Random random;
    private int position;

    private RegexSample(String regex, Random random) {
        this.regex = regex;
        this.random = random;
    }

    /** A matching string of length {@code min..max}, after a few tries, or nothing. */
    static Optional<String> of(String regex, int minLength, int maxLength, Random random) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                String sample = new RegexSample(regex, random).alternation();
                if (sample.length() >= minLength && sample.length() <= maxLength && compiled.matcher(sample).matches()) {
                    return Optional.of(sample);
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String alternation() {
        List<String> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (position < regex.length() && regex.charAt(position) == '|') {
            position++;
            alternatives.add(sequence());
        }
        return alternatives.get(random.nextInt(alternatives.size()));
    }

    private String sequence() {
        StringBuilder out = new StringBuilder();
        while (position < regex.length() && regex.charAt(position) != '|' && regex.charAt(position) != ')') {
            int start = position;
            String first = atom();
            int[] repeat = quantifier();
            int afterQuantifier = position;
            int times = times(repeat[0], repeat[1]);
            for (int i = 0; i < times; i++) {
                if (i == 0) {
                    out.append(first);
                } else {
                    position = start;
                    out.append(atom());
                }
            }
            position = afterQuantifier;
        }
        return out.toString();
    }

    /** Long enough that values of unique fields rarely collide, short enough for most length limits. */
    private int times(int min, int max) {
        int span = max - min;
        return min + (span <= 8 ? random.nextInt(span + 1) : Math.min(span, 6 + random.nextInt(7)));
    }

    private String atom() {
        char c = regex.charAt(position++);
        return switch (c) {
            case '(' -> group();
            case '[' -> sampleOf(classText(position - 1));
            case '\\' -> escape();
            case '.' -> sampleOf(".");
            case '^', '$' -> "";
            default -> String.valueOf(c);
        };
    }

    private String group() {
        if (regex.startsWith("?:", position)) {
            position += 2;
        } else if (regex.charAt(position) == '?') {
            throw new IllegalArgumentException("look-arounds and flags are not supported");
        }
        String inner = alternation();
        if (position >= regex.length() || regex.charAt(position) != ')') {
            throw new IllegalArgumentException("unbalanced group");
        }
        position++;
        return inner;
    }

    private String escape() {
        char c = regex.charAt(position++);
        if (c == 'p' || c == 'P') {
            int end = regex.charAt(position) == '{' ? regex.indexOf('}', position) + 1 : position + 1;
            String text = regex.substring(position - 2, end);
            position = end;
            return sampleOf(text);
        }
        if (c == 'u') {
            String hex = regex.substring(position, position + 4);
            position += 4;
            return String.valueOf((char) Integer.parseInt(hex, 16));
        }
        if ("dDwWsShHvV".indexOf(c) >= 0) {
            return sampleOf("\\" + c);
        }
        if (Character.isDigit(c) || c == 'k' || c == 'b' || c == 'B') {
            throw new IllegalArgumentException("back-references and boundaries are not supported");
        }
        return String.valueOf(c);
    }

    private String classText(int start) {
        int i = start + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        for (; i < regex.length() && depth > 0; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
        position = i;
        return regex.substring(start, i);
    }

    private String sampleOf(String characterClass) {
        Pattern pattern = Pattern.compile(characterClass);
        List<Character> matching = new ArrayList<>();
        for (char c : ALPHABET.toCharArray()) {
            if (pattern.matcher(String.valueOf(c)).matches()) {
                matching.add(c);
            }
        }
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("no plain character matches " + characterClass);
        }
        return String.valueOf(matching.get(random.nextInt(matching.size())));
    }

    /** {@code {min, max}} repetitions of the atom just read. */
    private int[] quantifier() {
        if (position >= regex.length()) {
            return new int[] {1, 1};
        }
        char c = regex.charAt(position);
        int[] repeat = switch (c) {
            case '*' -> new int[] {0, Integer.MAX_VALUE};
            case '+' -> new int[] {1, Integer.MAX_VALUE};
            case '?' -> new int[] {0, 1};
            case '{' -> braces();
            default -> null;
        };
        if (repeat == null) {
            return new int[] {1, 1};
        }
        if (c != '{') {
            position++;
        }
        if (position < regex.length() && (regex.charAt(position) == '?' || regex.charAt(position) == '+')) {
            position++;
        }
        return repeat;
    }

    private int[] braces() {
        int end = regex.indexOf('}', position);
        String[] bounds = regex.substring(position + 1, end).split(",", -1);
        position = end + 1;
        int min = Integer.parseInt(bounds[0].trim());
        int max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].trim());
        return new int[] {min, max};
    }
}
