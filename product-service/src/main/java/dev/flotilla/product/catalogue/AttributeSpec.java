package dev.flotilla.product.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;

/**
 * One attribute a category allows: its type and limits. {@link #accept(Object)} turns a JSON value into
 * the value stored, or says what is wrong with it; {@link #parse(String)} does the same for a query
 * parameter.
 */
record AttributeSpec(String name, Type type, boolean required, @Nullable Pattern pattern, @Nullable String hint,
        @Nullable BigDecimal min, @Nullable BigDecimal max, Set<String> choices) {

    /** How a value is written in JSON and stored in MongoDB. */
    enum Type {
        /** A string, trimmed, at most {@code max} characters, optionally matching {@code pattern}. */
        TEXT,
        /** A whole number between {@code min} and {@code max}, stored as a 64-bit integer. */
        INTEGER,
        /** A decimal number between {@code min} and {@code max}, stored as Decimal128. */
        DECIMAL,
        /** One of {@code choices}. */
        CHOICE,
        BOOLEAN
    }

    static AttributeSpec text(String name, boolean required, int maxLength) {
        return new AttributeSpec(name, Type.TEXT, required, null, null, null, BigDecimal.valueOf(maxLength), Set.of());
    }

    static AttributeSpec text(String name, boolean required, String regex, String hint) {
        return new AttributeSpec(name, Type.TEXT, required, Pattern.compile(regex), hint, null, BigDecimal.valueOf(100), Set.of());
    }

    static AttributeSpec integer(String name, boolean required, long min, long max) {
        return new AttributeSpec(name, Type.INTEGER, required, null, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max), Set.of());
    }

    static AttributeSpec decimal(String name, boolean required, String min, String max) {
        return new AttributeSpec(name, Type.DECIMAL, required, null, null, new BigDecimal(min), new BigDecimal(max), Set.of());
    }

    static AttributeSpec choice(String name, boolean required, String... choices) {
        return new AttributeSpec(name, Type.CHOICE, required, null, null, null, null, Set.copyOf(List.of(choices)));
    }

    static AttributeSpec flag(String name) {
        return new AttributeSpec(name, Type.BOOLEAN, false, null, null, null, null, Set.of());
    }

    /** The value to store; throws {@link IllegalArgumentException} with a message for the field. */
    Object accept(Object value) {
        return switch (type) {
            case TEXT -> text(value instanceof String text ? text.strip() : reject("must be text"));
            case INTEGER -> whole(value instanceof Number number ? decimal(number.toString()) : reject("must be a whole number"));
            case DECIMAL -> inRange(value instanceof Number number ? decimal(number.toString()) : reject("must be a number"));
            case CHOICE -> value instanceof String text && choices.contains(text) ? text : reject("must be one of " + sortedChoices());
            case BOOLEAN -> value instanceof Boolean flag ? flag : reject("must be true or false");
        };
    }

    /** A query-parameter value converted like {@link #accept(Object)} would store it. */
    Object parse(String value) {
        return switch (type) {
            case TEXT, CHOICE -> accept(value);
            case INTEGER, DECIMAL -> accept(number(value));
            case BOOLEAN -> switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> reject("must be true or false");
            };
        };
    }

    private String text(String text) {
        if (text.isEmpty() || text.length() > max.intValue()) {
            return reject("must be 1 to " + max.intValue() + " characters");
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            return reject("must be " + hint);
        }
        return text;
    }

    private Long whole(BigDecimal number) {
        if (number.stripTrailingZeros().scale() > 0) {
            return reject("must be a whole number");
        }
        return inRange(number).longValueExact();
    }

    private BigDecimal inRange(BigDecimal number) {
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            return reject("must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        return number;
    }

    private BigDecimal number(String value) {
        try {
            return decimal(value);
        } catch (IllegalArgumentException e) {
            return reject("must be a number");
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return storable(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return reject("must be a number of at most 34 digits");
        }
    }

    /** The number itself if MongoDB can store and compare it (Decimal128: 34 digits); else NumberFormatException. */
    static BigDecimal storable(BigDecimal number) {
        new Decimal128(number);
        return number;
    }

    private String sortedChoices() {
        return choices.stream().sorted().toList().toString();
    }

    private static <T> T reject(String message) {
        throw new IllegalArgumentException(message);
    }
}
