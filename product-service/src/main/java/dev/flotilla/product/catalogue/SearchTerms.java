package dev.flotilla.product.catalogue;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words for text search: lower case, accents removed, split on anything that is not a letter or a
 * digit, stop words and one-letter words dropped, and a plural {@code s} removed from longer words so
 * that "boots" finds "boot". The same function indexes products and reads queries.
 */
final class SearchTerms {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "in", "is", "it", "of", "on", "or", "the", "to", "with", "der", "die", "das", "und", "le", "la", "les", "et");
    private static final int MAX_TERMS = 200;

    private SearchTerms() {
    }

    static List<String> of(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
            for (String word : NOT_WORD.split(plain.toLowerCase(Locale.ROOT))) {
                if (word.length() > 1 && !STOP_WORDS.contains(word) && terms.size() < MAX_TERMS) {
                    terms.add(stem(word));
                }
            }
        }
        return List.copyOf(terms);
    }

    private static String stem(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }
}
