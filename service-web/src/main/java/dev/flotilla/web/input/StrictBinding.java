package dev.flotilla.web.input;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path and query parameters are read as written. Spring's own conversion trims white space (and for
 * numbers removes it anywhere: {@code "1 2"} would be 12), and {@link UUID#fromString} accepts short
 * groups, so {@code "<id> "} and {@code "1-2-3-4-5"} would otherwise name a resource: an id means one
 * thing, spelled one way. These editors take precedence over the conversion service and its fallbacks.
 */
@ControllerAdvice
public class StrictBinding {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER_FORM = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DECIMAL_FORM = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

    @InitBinder
    void strictValues(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, editor(UUID_FORM, UUID::fromString));
        binder.registerCustomEditor(int.class, editor(INTEGER_FORM, Integer::valueOf));
        binder.registerCustomEditor(Integer.class, editor(INTEGER_FORM, Integer::valueOf));
        binder.registerCustomEditor(long.class, editor(INTEGER_FORM, Long::valueOf));
        binder.registerCustomEditor(Long.class, editor(INTEGER_FORM, Long::valueOf));
        binder.registerCustomEditor(BigDecimal.class, editor(DECIMAL_FORM, BigDecimal::new));
    }

    private static PropertyEditorSupport editor(Pattern form, Function<String, Object> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isEmpty()) {
                    setValue(null);
                    return;
                }
                if (!form.matcher(text).matches()) {
                    throw new IllegalArgumentException("malformed value");
                }
                setValue(parse.apply(text));
            }
        };
    }
}
