package dev.flotilla.user.reference;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No country has this code. */
public class UnknownCountryException extends ProblemException {

    UnknownCountryException(String code) {
        super(HttpStatus.NOT_FOUND, "no country with code '" + code + "'");
    }
}
