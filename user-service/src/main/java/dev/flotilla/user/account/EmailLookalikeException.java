package dev.flotilla.user.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Another account has an email that looks the same (the same UTS #39 skeleton, see
 * {@link EmailAddresses#skeleton(String)}): 409.
 */
public class EmailLookalikeException extends ErrorResponseException {

    public EmailLookalikeException() {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "an account with an email that looks the same already exists"), null);
    }
}
