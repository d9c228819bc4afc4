package dev.flotilla.order.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardTests {

    @Test
    void checksTheLuhnDigit() {
        assertThat(Card.passesLuhn(TestCardPaymentProvider.APPROVES)).isTrue();
        assertThat(Card.passesLuhn(TestCardPaymentProvider.INSUFFICIENT_FUNDS)).isTrue();
        assertThat(Card.passesLuhn(TestCardPaymentProvider.TIMES_OUT)).isTrue();
        assertThat(Card.passesLuhn("4242424242424241")).isFalse();
    }

    @Test
    void neverShowsTheNumber() {
        Card card = new Card(TestCardPaymentProvider.APPROVES, 12, 2031);

        assertThat(card.toString()).doesNotContain("424242424242").contains("4242");
        assertThat(card.brand()).isEqualTo("VISA");
        assertThat(card.last4()).isEqualTo("4242");
    }
}
