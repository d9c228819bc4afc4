package dev.flotilla.order.payment;

/**
 * A payment card as the checkout receives it. The number goes to the provider and nowhere else:
 * {@link #toString()} masks it, and only the brand and the last four digits are stored.
 *
 * @param number 12 to 19 digits that pass the Luhn check
 * @param expiryMonth 1 to 12
 * @param expiryYear four digits
 */
public record Card(String number, int expiryMonth, int expiryYear) {

    public String last4() {
        return number.substring(number.length() - 4);
    }

    /** The scheme, from the leading digits (enough for a receipt; the provider decides what it accepts). */
    public String brand() {
        if (number.startsWith("4")) {
            return "VISA";
        }
        int two = Integer.parseInt(number.substring(0, 2));
        int four = Integer.parseInt(number.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "MASTERCARD";
        }
        if (two == 34 || two == 37) {
            return "AMEX";
        }
        return "OTHER";
    }

    /** Whether the number has a valid Luhn check digit. */
    public static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return "Card[" + brand() + " ****" + last4() + " " + expiryMonth + "/" + expiryYear + "]";
    }
}
