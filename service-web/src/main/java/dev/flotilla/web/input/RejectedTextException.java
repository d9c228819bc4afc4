package dev.flotilla.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON string that the {@link TextPolicy} refuses; its path names the field. */
public class RejectedTextException extends InvalidFormatException {

    private final String reason;

    RejectedTextException(JsonParser parser, String reason, Object value, Class<?> target) {
        super(parser, reason, value, target);
        this.reason = reason;
    }

    /** What is wrong with the text, as the client should read it. */
    public String reason() {
        return reason;
    }
}
