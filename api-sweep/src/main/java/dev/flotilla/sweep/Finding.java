package dev.flotilla.sweep;

/**
 * One answer that breaks the rules: a 5xx, a 2xx for an input that must be refused, an error that
 * is not a problem object, no answer at all, or another status than the one required.
 *
 * @param operation {@code "POST /api/things"}
 * @param mutation what the request changed
 * @param detail which field or value
 * @param status the status, 0 without an answer
 * @param reason why it is a finding
 * @param body the first 200 characters of the answer's body
 */
public record Finding(String operation, Mutation mutation, String detail, int status, String reason, String body) {
}
