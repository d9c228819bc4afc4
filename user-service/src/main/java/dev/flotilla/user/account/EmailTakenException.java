package dev.flotilla.user.account;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Another account already has this email (compared case-insensitively). */
public class EmailTakenException extends ProblemException {

    public EmailTakenException() {
        super(HttpStatus.CONFLICT, "an account with this email already exists");
    }
}
