package dev.flotilla.order.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.flotilla.order.pricing.Money;

/**
 * The built-in processor: deterministic by card number, the way processors publish test cards.
 * <ul>
 * <li>{@value #APPROVES} is always approved;</li>
 * <li>{@value #INSUFFICIENT_FUNDS} is declined with {@code insufficient_funds};</li>
 * <li>{@value #TIMES_OUT} never answers in time: the call blocks for {@code delay}, and a later
 *     {@link #lookup} reports it declined with {@code processor_timeout} (it was never held);</li>
 * <li>any other number is declined with {@code card_not_supported}.</li>
 * </ul>
 * It remembers only what a lookup can ask for, the timed-out references, in memory: a restarted
 * service has forgotten them, and a pending payment it cannot find counts as never received.
 */
public class TestCardPaymentProvider implements PaymentProvider {

    public static final String APPROVES = "4242424242424242";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    public static final String TIMES_OUT = "4000000000000119";

    private final Duration delay;
    private final Map<String, Authorisation> timedOut = new ConcurrentHashMap<>();

    public TestCardPaymentProvider(Duration timeoutCardDelay) {
        this.delay = timeoutCardDelay;
    }

    @Override
    public Authorisation authorise(String reference, Money amount, Card card) {
        return switch (card.number()) {
            case APPROVES -> Authorisation.approvedAs("test_" + UUID.nameUUIDFromBytes(reference.getBytes(StandardCharsets.UTF_8)));
            case INSUFFICIENT_FUNDS -> Authorisation.declinedFor("insufficient_funds");
            case TIMES_OUT -> hang(reference);
            default -> Authorisation.declinedFor("card_not_supported");
        };
    }

    @Override
    public Optional<Authorisation> lookup(String reference) {
        return Optional.ofNullable(timedOut.get(reference));
    }

    @Override
    public void refund(String reference, Money amount) {
        // Nothing to give back in a simulation; a real processor refunds by the reference.
    }

    @Override
    public void cancelAuthorisation(String reference) {
        timedOut.remove(reference);
    }

    private Authorisation hang(String reference) {
        Authorisation outcome = Authorisation.declinedFor("processor_timeout");
        timedOut.put(reference, outcome);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }
}
