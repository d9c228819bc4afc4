package dev.flotilla.user.reference;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.flotilla.reference.City;
import dev.flotilla.reference.Country;
import dev.flotilla.reference.Currency;
import dev.flotilla.reference.Page;
import dev.flotilla.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Public reference data for forms: countries, their cities, currencies. The data cannot change while
 * the service runs, so every answer carries an ETag derived from the file's content checksum and may
 * be cached for a day; a matching {@code If-None-Match} gets 304 without any lookup.
 */
@RestController
@RequestMapping("/api/reference")
class ReferenceController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final ReferenceData referenceData;
    private final String version;

    ReferenceController(ReferenceData referenceData) {
        this.referenceData = referenceData;
        this.version = referenceData.info().contentChecksum().substring("sha256:".length(), "sha256:".length() + 16);
    }

    @Operation(summary = "List the countries", description = "ISO 3166-1; cacheable for a day, 304 on a matching If-None-Match.")
    @GetMapping("/countries")
    ResponseEntity<List<Country>> countries(WebRequest request) {
        return cached(request, "countries", referenceData::countries);
    }

    @Operation(summary = "List the currencies", description = "ISO 4217; cacheable for a day, 304 on a matching If-None-Match.")
    @GetMapping("/currencies")
    ResponseEntity<List<Currency>> currencies(WebRequest request) {
        return cached(request, "currencies", referenceData::currencies);
    }

    @Operation(summary = "List the cities of a country",
            description = "Paged; cacheable for a day, 304 on a matching If-None-Match.")
    @GetMapping("/countries/{code}/cities")
    ResponseEntity<Page<City>> cities(WebRequest request,
            @PathVariable @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String code,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (referenceData.country(code).isEmpty()) {
            throw new UnknownCountryException(code);
        }
        return cached(request, "cities-" + code.toUpperCase(Locale.ROOT) + "-" + page + "-" + size,
                () -> referenceData.cities(code, page, size));
    }

    private <T> ResponseEntity<T> cached(WebRequest request, String resource, Supplier<T> body) {
        String etag = "\"" + resource + "-" + version + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE).body(body.get());
    }
}
