package dev.flotilla.order.catalogue;

import java.util.List;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A reservation was refused because some lines cannot be served; nothing is held. A 409 whose problem
 * body lists the {@code shortages}, as product-service reported them.
 */
public class InsufficientStockException extends ProblemException {

    private final transient List<Shortage> shortages;

    public InsufficientStockException(String reservationId, List<Shortage> shortages) {
        super(HttpStatus.CONFLICT, "not enough stock for " + shortages.size() + " line(s) of reservation "
                + reservationId + "; nothing is held");
        this.shortages = List.copyOf(shortages);
        property("shortages", this.shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }

    /**
     * One line that cannot be served.
     *
     * @param problem product-service's reason, such as {@code insufficient stock} or {@code not active}
     */
    public record Shortage(String productId, String problem, long requested, long available) {
    }
}
