package dev.flotilla.sweep;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One request a sweep sends: what it changes, how the answer is judged, and how it is made from a
 * fresh valid request of the operation (so creations never collide on unique values). {@code build}
 * answers {@code null} when the change does not apply to that valid request.
 *
 * @param mutation the kind of change
 * @param detail which field or value, for the report
 * @param expectedStatus the one acceptable status, or 0 when the general rules decide
 * @param build the request made from a fresh valid one
 */
record Probe(Mutation mutation, String detail, int expectedStatus, Function<Base, @Nullable Request> build) {

    static Probe of(Mutation mutation, String detail, Function<Base, @Nullable Request> build) {
        return new Probe(mutation, detail, 0, build);
    }
}
