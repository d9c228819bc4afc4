package dev.flotilla.order.checkout;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.flotilla.order.catalogue.StockReservations;
import dev.flotilla.order.payment.PaymentProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What a checkout leaves to do after it answered, off the request thread so that a slow or absent
 * product-service never delays the answer: release the stock of a checkout that failed (a lost
 * release costs nothing: product-service frees the hold when its TTL passes) and confirm the stock of
 * a placed order (a lost confirmation is retried by {@link StockConfirmations}).
 */
@Component
class Compensations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Compensations.class);

    private final StockReservations stock;
    private final PaymentProvider provider;
    private final StockConfirmations confirmations;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), Thread.ofPlatform().name("checkout-after-", 0).daemon().factory());

    Compensations(StockReservations stock, PaymentProvider provider, StockConfirmations confirmations) {
        this.stock = stock;
        this.provider = provider;
        this.confirmations = confirmations;
    }

    /** Gives back the stock of a checkout that will not become an order, and drops its authorisation. */
    void undo(String reservationId, @Nullable String approvedPayment) {
        run(() -> {
            if (approvedPayment != null) {
                provider.cancelAuthorisation(approvedPayment);
            }
            stock.release(reservationId);
        }, "release of " + reservationId);
    }

    /** Confirms the reservation of a placed order. */
    void confirm(UUID orderId, String reservationId) {
        run(() -> confirmations.confirm(orderId), "confirmation of " + reservationId);
    }

    private void run(Runnable task, String what) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("{} failed for now: {}", what, e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("{} not queued (backlog full); left to the jobs and reservation expiry", what);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
