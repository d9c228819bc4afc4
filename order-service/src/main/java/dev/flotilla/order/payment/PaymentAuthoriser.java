package dev.flotilla.order.payment;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flotilla.order.pricing.Money;
import dev.flotilla.order.payment.PaymentProvider.Authorisation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Asks the processor for an authorisation and waits at most {@link PaymentProperties#timeout()}. A
 * processor that does not answer in time is not a decline: the outcome is {@link Outcome#UNKNOWN}.
 */
@Component
public class PaymentAuthoriser implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PaymentAuthoriser.class);

    private final PaymentProvider provider;
    private final PaymentProperties properties;
    private final Semaphore permits;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("payment-", 0).factory());

    PaymentAuthoriser(PaymentProvider provider, PaymentProperties properties) {
        this.provider = provider;
        this.properties = properties;
        this.permits = new Semaphore(properties.concurrency());
    }

    /** The processor's decision, or UNKNOWN when it did not answer in time. */
    public Result authorise(String reference, Money amount, Card card) {
        if (!permits.tryAcquire()) {
            throw new PaymentsBusyException();
        }
        Future<Authorisation> call = calls.submit(() -> provider.authorise(reference, amount, card));
        try {
            Authorisation authorisation = call.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return authorisation.approved() ? new Result(Outcome.APPROVED, authorisation)
                    : new Result(Outcome.DECLINED, authorisation);
        } catch (TimeoutException e) {
            call.cancel(true);
            log.warn("payment {} of {}: the processor did not answer within {}", reference, amount, properties.timeout());
            return new Result(Outcome.UNKNOWN, null);
        } catch (ExecutionException e) {
            throw new PaymentProviderException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderException(e);
        } finally {
            permits.release();
        }
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    /** How an authorisation ended. */
    public enum Outcome {
        APPROVED, DECLINED, UNKNOWN
    }

    /** The outcome and, unless UNKNOWN, the processor's answer. */
    public record Result(Outcome outcome, @Nullable Authorisation authorisation) {
    }
}
