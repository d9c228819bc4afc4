package dev.flotilla.user.account;

import java.util.UUID;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No account has this id. */
public class AccountNotFoundException extends ProblemException {

    public AccountNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "no account with id " + id);
    }
}
