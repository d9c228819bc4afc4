package dev.flotilla.web.input;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one policy for text a client sends, in any field of any service: Unicode NFC normalisation, so
 * that two spellings of one string are one string; no NUL or other control characters (tab, line feed
 * and carriage return are text), no unpaired surrogates, no noncharacters (U+FFFE, U+FDD0...), no
 * invisible format characters a person would not type (zero-width space, BOM, soft hyphen, bidirectional
 * overrides); and a value made only of white space, of any script, is blank (the empty string). The
 * joiners U+200C and U+200D stay allowed: Persian, Indic scripts and emoji sequences need them.
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    /** The text as the service keeps it, or a {@link Rejected} saying why it cannot be accepted. */
    public static String apply(String text) throws Rejected {
        if (isPlainAscii(text)) {
            return text.isBlank() ? "" : text;
        }
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new Rejected(problem.get());
        }
        String normalized = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        return isAllWhitespace(normalized) ? "" : normalized;
    }

    /** Why the text is refused, or empty if it is acceptable. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String problem = problem(cp);
            if (problem != null) {
                return Optional.of(problem);
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private static String problem(int cp) {
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return "contains an unpaired surrogate (not valid Unicode text)";
        }
        if (Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') {
            return "contains a control character (" + codePoint(cp) + ")";
        }
        if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
            return "contains a Unicode noncharacter (" + codePoint(cp) + ")";
        }
        if (Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D && !isTag(cp)) {
            return "contains an invisible formatting character (" + codePoint(cp) + ")";
        }
        return null;
    }

    /** Tag characters only appear inside emoji flag sequences (the flags of Scotland, Wales...). */
    private static boolean isTag(int cp) {
        return cp >= 0xE0020 && cp <= 0xE007F;
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllWhitespace(String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    /** Text the policy refuses; the message says why, for the client. */
    public static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
