package dev.flotilla.analytics.aggregate;

/**
 * One complete set of aggregate collections. Reports read the active generation; a backfill builds the
 * next one from the stream and swaps it in. Generation 0 has the plain collection names, generation
 * {@code n} adds {@code _g<n>}.
 */
public record Generation(int number) {

    public Generation {
        if (number < 0) {
            throw new IllegalArgumentException("generation " + number);
        }
    }

    public String collection(Dimension dimension) {
        return named(dimension.collection());
    }

    /** Event ids applied to this generation (unique {@code _id}): a redelivery stops there. */
    String processed() {
        return named("processed_events");
    }

    /** Events being applied: who holds each, until when, and who held it before. */
    String claims() {
        return named("aggregate_claims");
    }

    /** The day each order was placed, for its cancellation. */
    String orders() {
        return named("orders");
    }

    Generation next() {
        return new Generation(number + 1);
    }

    private String named(String base) {
        return number == 0 ? base : base + "_g" + number;
    }
}
