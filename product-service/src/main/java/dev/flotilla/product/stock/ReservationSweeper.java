package dev.flotilla.product.stock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.flotilla.product.ProductServiceProperties;
import dev.flotilla.product.catalogue.Product;
import dev.flotilla.product.stock.Reservation.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps reservations moving when nobody calls: releases reservations past their expiry, finishes
 * those whose request died half-way, and gives back holds left on products by a reservation that has
 * already ended. Each item is claimed with a conditional update, so several replicas may sweep at once.
 * A hold younger than the reservation TTL is never given back, whatever the read of its reservation
 * says: a live reservation cannot be older than that, so a read that lags or misses can never free
 * stock that is still held. Stopped first at shutdown; a pass under way ends after its current item.
 */
@Component
class ReservationSweeper implements SchedulingConfigurer, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);
    private static final int BATCH = 100;

    private final Reservations reservations;
    private final StockReservations stockReservations;
    private final ProductStock stock;
    private final Duration stalledAfter;
    private final Duration reservationTtl;
    private final Duration interval;
    private final Clock clock;
    /** Where the next pass over products with holds continues; null to start from the beginning. */
    private volatile @Nullable String holdsCursor;
    private volatile boolean running;

    ReservationSweeper(Reservations reservations, StockReservations stockReservations, ProductStock stock,
            ProductServiceProperties properties, Clock clock) {
        this.reservations = reservations;
        this.stockReservations = stockReservations;
        this.stock = stock;
        this.stalledAfter = properties.stalledAfter();
        this.reservationTtl = properties.reservationTtl();
        this.interval = properties.sweepInterval();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::scheduledSweep, interval);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void scheduledSweep() {
        try {
            sweep();
        } catch (DataAccessException e) {
            log.warn("Reservation sweep failed, retried at the next interval: {}", e.getMessage());
        }
    }

    /** One pass (none while stopped); returns how many reservations it moved on. */
    int sweep() {
        int moved = 0;
        Optional<Reservation> expired;
        while (more(moved) && (expired = reservations.claimExpired(clock.instant())).isPresent()) {
            stockReservations.finishReleasing(expired.get());
            moved++;
        }
        Optional<Reservation> stalled;
        while (more(moved) && (stalled = reservations.failStalledPending(stalledBefore(), clock.instant())).isPresent()) {
            log.info("Reservation {} was left PENDING by its request; failed and released", stalled.get().id());
            stockReservations.releaseAll(stalled.get());
            moved++;
        }
        while (more(moved) && (stalled = reservations.claimStalledTransition(stalledBefore(), clock.instant())).isPresent()) {
            finish(stalled.get());
            moved++;
        }
        if (running) {
            releaseOrphanHolds();
        }
        return moved;
    }

    private boolean more(int moved) {
        return running && moved < BATCH;
    }

    private Instant stalledBefore() {
        return clock.instant().minus(stalledAfter);
    }

    private void finish(Reservation reservation) {
        log.info("Finishing reservation {} left {}", reservation.id(), reservation.status());
        switch (reservation.status()) {
            case CONFIRMING -> stockReservations.finishConfirming(reservation);
            case RELEASING -> stockReservations.finishReleasing(reservation);
            default -> {
                // Another sweeper or request finished it between the claim and now.
            }
        }
    }

    /**
     * A hold whose reservation has ended (a request that died after its reservation was failed) goes
     * back to the stock once it is older than the reservation TTL, or leaves it if the reservation was
     * confirmed. Each pass looks at the next {@value #BATCH} products holding units, so every product
     * is visited in turn.
     */
    private void releaseOrphanHolds() {
        List<ProductStock.Holding> holding = stock.holdingAfter(holdsCursor, BATCH);
        holdsCursor = holding.size() < BATCH ? null : holding.getLast().productId();
        List<String> ids = holding.stream().flatMap(product -> product.holds().stream()).map(Product.Hold::reservationId)
                .distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Reservation> byId = reservations.findAllById(ids).stream()
                .collect(Collectors.toMap(Reservation::id, Function.identity()));
        Instant heldBefore = clock.instant().minus(reservationTtl);
        for (ProductStock.Holding product : holding) {
            for (Product.Hold hold : product.holds()) {
                Reservation reservation = byId.get(hold.reservationId());
                Reservation.Line line = new Reservation.Line(product.productId(), hold.quantity());
                if (reservation != null && reservation.status() == Status.CONFIRMED) {
                    stock.consume(hold.reservationId(), line);
                } else if (ended(reservation) && heldBefore(hold, heldBefore)) {
                    stock.release(hold.reservationId(), line);
                }
            }
        }
    }

    /** Ended without confirmation, or not found at all. */
    private static boolean ended(@Nullable Reservation reservation) {
        return reservation == null || reservation.status() == Status.FAILED || reservation.status() == Status.RELEASED;
    }

    private static boolean heldBefore(Product.Hold hold, Instant instant) {
        return hold.heldAt() == null || hold.heldAt().isBefore(instant);
    }
}
