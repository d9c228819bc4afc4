package dev.flotilla.user.account;

import java.util.Locale;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import dev.flotilla.web.problem.InvalidFieldsException;

/**
 * The one spelling of an email address that is stored and compared, and the form it would take to a
 * reader's eye.
 *
 * <ul>
 * <li>{@link #normalise(String)}: Unicode NFC, then lower case (root locale). Decomposed and composed
 *     spellings of one address, and every mix of case, are one address. Nothing is trimmed.</li>
 * <li>An address must not contain what a reader cannot see or what is not text: control characters,
 *     format characters (zero-width space, byte-order mark, direction overrides, soft hyphen), other
 *     default-ignorable code points (Hangul fillers, variation selectors), separators (every kind of
 *     space), private-use and unassigned code points, and lone surrogates. Such an address is refused
 *     with 400 naming the field.</li>
 * <li>{@link #skeleton(String)}: the UTS #39 confusable skeleton (ICU's {@link SpoofChecker}) of the
 *     normalised address, so that {@code аdmin@example.com} with a Cyrillic {@code а}, or {@code rn}
 *     for {@code m}, is recognised as the address it imitates. It changes when a newer ICU changes the
 *     confusables data; stored skeletons must then be computed again.</li>
 * </ul>
 */
public final class EmailAddresses {

    /** Keeps the unique index on skeletons well within PostgreSQL's limit for a B-tree entry. */
    static final int MAX_SKELETON_BYTES = 1000;

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    /** Immutable once built; ICU allows concurrent use of one instance. */
    private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();

    private EmailAddresses() {
    }

    /** The stored form of an email: NFC, lower case; refused with 400 if it has an invisible or control character. */
    public static String normalise(String email) {
        return canonical(email, "email");
    }

    /**
     * {@link #normalise(String)} for any text compared with stored emails (a search prefix, say),
     * refused with 400 naming {@code field}.
     */
    static String canonical(String text, String field) {
        if (!isVisibleText(text)) {
            throw new InvalidFieldsException(field, "must not contain control characters, invisible or formatting "
                    + "characters, spaces or unpaired surrogates");
        }
        return NFC.normalize(NFC.normalize(text).toLowerCase(Locale.ROOT));
    }

    /** The UTS #39 skeleton of an email already {@linkplain #normalise(String) normalised}. */
    static String skeleton(String normalisedEmail) {
        return SPOOF_CHECKER.getSkeleton(normalisedEmail);
    }

    /** True if every code point is one a reader sees: no control, format, separator, unassigned or ignorable one. */
    static boolean isVisibleText(String text) {
        return text.codePoints().allMatch(EmailAddresses::isVisible);
    }

    private static boolean isVisible(int codePoint) {
        int type = UCharacter.getType(codePoint);
        return switch (type) {
            case UCharacterCategory.CONTROL, UCharacterCategory.FORMAT, UCharacterCategory.SURROGATE,
                    UCharacterCategory.PRIVATE_USE, UCharacterCategory.UNASSIGNED, UCharacterCategory.SPACE_SEPARATOR,
                    UCharacterCategory.LINE_SEPARATOR, UCharacterCategory.PARAGRAPH_SEPARATOR -> false;
            default -> !UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
        };
    }
}
