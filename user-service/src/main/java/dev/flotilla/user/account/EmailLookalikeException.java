package dev.flotilla.user.account;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Another account has an email that looks the same (the same UTS #39 skeleton, see
 * {@link EmailAddresses#skeleton(String)}): 409.
 */
public class EmailLookalikeException extends ProblemException {

    public EmailLookalikeException() {
        super(HttpStatus.CONFLICT, "an account with an email that looks the same already exists");
    }
}
