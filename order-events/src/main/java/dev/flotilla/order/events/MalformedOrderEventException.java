package dev.flotilla.order.events;

/**
 * A document that is not a valid order event: not JSON, not a CloudEvents 1.0 envelope, an unknown
 * type, or data that breaks the schema (a missing field, an amount that is not a decimal string, a
 * total that is not subtotal plus tax). The message says which attribute or field is wrong; it never
 * repeats the document, which may be large or hostile.
 */
public class MalformedOrderEventException extends IllegalArgumentException {

    public MalformedOrderEventException(String message) {
        super(message);
    }

    public MalformedOrderEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
