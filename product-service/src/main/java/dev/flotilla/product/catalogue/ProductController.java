package dev.flotilla.product.catalogue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.flotilla.product.web.InvalidFieldsException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public reads of the catalogue: listing with filters, one product by id or SKU, text search. Only
 * active products are shown, except to administrators. Product ids follow {@link ProductIds}.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private static final Set<String> LISTING_PARAMETERS = Set.of("category", "minPrice", "maxPrice", "currency", "inStock",
            "sort", "page", "size");
    private static final int MAX_PAGE_SIZE = 100;

    private final Catalogue catalogue;
    private final ProductSearch search;

    ProductController(Catalogue catalogue, ProductSearch search) {
        this.catalogue = catalogue;
        this.search = search;
    }

    /** Filters: {@code category}, {@code minPrice}, {@code maxPrice}, {@code currency}, {@code inStock}, {@code attr.<name>}. */
    @GetMapping
    ProductPage list(@RequestParam Map<String, String> parameters) {
        return catalogue.list(filter(parameters), callerIsAdmin());
    }

    /** Answered from the cache as stored JSON (a {@link ProductView}); see {@link ProductView#etag()}. */
    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductView.class)))
    ResponseEntity<String> get(
            @PathVariable @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String id) {
        ProductCache.Entry product = catalogue.get(ProductIds.canonical(id), callerIsAdmin());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(product.etag()).body(product.json());
    }

    @GetMapping("/sku/{sku}")
    ProductView bySku(@PathVariable @Size(max = 40) String sku) {
        return catalogue.bySku(sku, callerIsAdmin());
    }

    @GetMapping("/search")
    ProductPage search(@RequestParam @NotBlank @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return search.search(q, page, size);
    }

    /** Administrators also see draft and archived products. */
    private static boolean callerIsAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }

    private static ProductFilter filter(Map<String, String> parameters) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getKey().startsWith("attr.")) {
                attributes.put(parameter.getKey().substring("attr.".length()), parameter.getValue());
            } else if (!LISTING_PARAMETERS.contains(parameter.getKey())) {
                throw new InvalidFieldsException(parameter.getKey(), "is not a filter; use " + LISTING_PARAMETERS
                        + " or attr.<name>");
            }
        }
        return new ProductFilter(parameters.get("category"), decimal(parameters, "minPrice"), decimal(parameters, "maxPrice"),
                parameters.get("currency"), attributes, bool(parameters, "inStock"),
                parameters.getOrDefault("sort", "name"), integer(parameters, "page", 0, 0, 10_000),
                integer(parameters, "size", 20, 1, MAX_PAGE_SIZE));
    }

    private static BigDecimal decimal(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        try {
            return value == null ? null : AttributeSpec.storable(new BigDecimal(value));
        } catch (NumberFormatException e) {
            throw new InvalidFieldsException(name, "must be a decimal number of at most 34 digits");
        }
    }

    private static boolean bool(Map<String, String> parameters, String name) {
        String value = parameters.getOrDefault(name, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidFieldsException(name, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static int integer(Map<String, String> parameters, String name, int fallback, int min, int max) {
        String value = parameters.get(name);
        try {
            int number = value == null ? fallback : Integer.parseInt(value);
            if (number < min || number > max) {
                throw new InvalidFieldsException(name, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidFieldsException(name, "must be a whole number");
        }
    }
}
