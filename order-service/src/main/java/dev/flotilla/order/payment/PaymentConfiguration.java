package dev.flotilla.order.payment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment processor. {@code flotilla.order.payment.provider=test-cards} (the default) is the
 * built-in test-card processor; an adapter to a real processor is another {@link PaymentProvider}
 * bean behind another value of that key.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    @ConditionalOnProperty(name = "flotilla.order.payment.provider", havingValue = "test-cards", matchIfMissing = true)
    PaymentProvider testCardPaymentProvider(PaymentProperties properties) {
        return new TestCardPaymentProvider(properties.testCardDelay());
    }
}
