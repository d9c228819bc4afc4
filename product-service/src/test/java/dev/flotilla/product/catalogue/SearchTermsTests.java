package dev.flotilla.product.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTests {

    @Test
    void wordsAreLowerCasedStrippedOfAccentsAndPluralsWithoutStopWords() {
        assertThat(SearchTerms.of("The Café's Boots, and a Glass!")).containsExactly("cafe", "boot", "glass");
    }

    @Test
    void digitsCountAndDuplicatesAreDropped() {
        assertThat(SearchTerms.of("4K TV 4k tv", "55 inch")).containsExactly("4k", "tv", "55", "inch");
    }

    @Test
    void onlyStopWordsAndSingleLettersGiveNoTerms() {
        assertThat(SearchTerms.of("a the of x", "  ")).isEmpty();
    }
}
