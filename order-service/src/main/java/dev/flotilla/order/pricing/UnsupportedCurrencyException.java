package dev.flotilla.order.pricing;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An order cannot be priced in this currency. */
public class UnsupportedCurrencyException extends ProblemException {

    public UnsupportedCurrencyException(String currency, String why) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "currency " + currency + " " + why + "; orders cannot be paid in it");
    }
}
