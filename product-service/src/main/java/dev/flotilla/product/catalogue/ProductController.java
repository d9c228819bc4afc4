package dev.flotilla.product.catalogue;

import java.util.Map;

import dev.flotilla.web.problem.InvalidFieldsException;
import io.swagger.v3.oas.annotations.Operation;
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

    private static final String SKU = "[A-Za-z0-9][A-Za-z0-9-]*";
    private static final String NO_CONTROL_CHARACTERS = "[^\\p{Cc}]*";

    private final Catalogue catalogue;
    private final ProductSearch search;

    ProductController(Catalogue catalogue, ProductSearch search) {
        this.catalogue = catalogue;
        this.search = search;
    }

    /** Filters: {@code category}, {@code minPrice}, {@code maxPrice}, {@code currency}, {@code inStock}, {@code attr.<name>}. */
    @GetMapping
    @Operation(summary = "List active products", description = "Filters: category (with its sub-categories), "
            + "currency (ISO 4217; only products priced in it), minPrice and maxPrice (need currency), "
            + "attr.<name>=<value> for any attribute of the schemas, inStock=true; sort is name, price or createdAt, "
            + "optionally with ,desc; page from 0, size 1 to 100. Every parameter is checked; unknown ones are a 400.")
    ProductPage list(@RequestParam Map<String, String> parameters) {
        return catalogue.list(ListingParameters.parse(parameters), callerIsAdmin());
    }

    /** Answered from the cache as stored JSON (a {@link ProductView}); see {@link ProductView#etag()}. */
    @GetMapping("/{id}")
    @Operation(summary = "Get a product by id", description = "The id is 24 hexadecimal digits in either case. The "
            + "ETag is the version followed by the stock; sent back as If-None-Match, it gets 304 while nothing changed.")
    @ApiResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match",
            content = @Content)
    ResponseEntity<String> get(
            @PathVariable @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String id) {
        ProductCache.Entry product = catalogue.get(ProductIds.canonical(id), callerIsAdmin());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(product.etag()).body(product.json());
    }

    @GetMapping("/sku/{sku}")
    @Operation(summary = "Get a product by SKU", description = "SKUs are not case-sensitive.")
    ProductView bySku(
            @PathVariable @Size(max = 40) @Pattern(regexp = SKU, message = "must be a SKU: letters, digits and hyphens")
            String sku) {
        return catalogue.bySku(sku, callerIsAdmin());
    }

    @GetMapping("/search")
    @Operation(summary = "Search active products by text", description = "Ranked: words in the name count more than "
            + "words in the description; products with every word, and the whole query in the name, come first.")
    ProductPage search(@RequestParam @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL_CHARACTERS,
                    message = "must not contain control characters") String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ListingParameters.MAX_PAGE_SIZE) int size) {
        return search.search(q, page, size);
    }

    /** Administrators also see draft and archived products. */
    private static boolean callerIsAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }
}
