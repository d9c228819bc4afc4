package dev.flotilla.product.catalogue;

import java.net.URI;

import dev.flotilla.product.catalogue.CatalogueExceptions.VersionRequiredException;
import dev.flotilla.web.problem.InvalidFieldsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Changes to the catalogue; every endpoint needs the ADMIN role (see the security configuration). */
@RestController
@RequestMapping("/api/products")
class ProductAdminController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final Catalogue catalogue;

    ProductAdminController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping
    @Operation(summary = "Create a product", description = "status is DRAFT (the default) or ACTIVE; initialStock "
            + "sets the available stock. The attributes are checked against the schema of the category's top-level "
            + "ancestor, the price against the decimals of its currency.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the product, ETag is its version")
    ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequest request) {
        ProductView product = catalogue.create(request);
        return ResponseEntity.created(URI.create("/api/products/" + product.id())).eTag(product.etag()).body(product);
    }

    /**
     * Replaces the details; {@code If-Match} must carry the entity tag read (428 without, 412 if the
     * version in it is stale; a stock change alone is no conflict).
     */
    @PutMapping("/{id}")
    @Operation(summary = "Replace a product's details", description = "Needs If-Match with the ETag read (or just its "
            + "version); a change of the stock since then is no conflict. Status and stock have endpoints of their own.")
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version")
    @ApiResponse(responseCode = "412", description = "The product changed since the version in If-Match",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProductView> update(
            @PathVariable @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequest request) {
        ProductView product = catalogue.update(ProductIds.canonical(id), version(ifMatch), request);
        return ResponseEntity.ok().eTag(product.etag()).body(product);
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Change a product's status", description = "DRAFT, ACTIVE or ARCHIVED; only active products "
            + "are public and can be reserved.")
    ProductView changeStatus(@PathVariable @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String id,
            @Valid @RequestBody StatusRequest request) {
        return catalogue.changeStatus(ProductIds.canonical(id), request.status());
    }

    @PostMapping("/{id}/stock-adjustments")
    @Operation(summary = "Adjust a product's available stock", description = "delta is added to the available stock "
            + "(negative to remove units); refused with 409 if it would go below zero. Reserved units are not touched.")
    ProductView adjustStock(@PathVariable @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String id,
            @Valid @RequestBody StockAdjustment request) {
        if (request.delta() == 0) {
            throw new InvalidFieldsException("delta", "must not be zero");
        }
        return catalogue.adjustStock(ProductIds.canonical(id), request.delta(), request.reason());
    }

    /** The new status of a product. */
    record StatusRequest(@NotNull ProductStatus status) {
    }

    /** Units to add (positive) or remove (negative), with the reason, e.g. a delivery or a stock count. */
    record StockAdjustment(@NotNull @Min(-1_000_000) @Max(1_000_000) Long delta, @NotNull @Size(min = 1, max = 200) String reason) {
    }

    private static long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        int stockPart = tag.indexOf('.');
        try {
            return Long.parseLong(stockPart < 0 ? tag : tag.substring(0, stockPart));
        } catch (NumberFormatException e) {
            throw new InvalidFieldsException("If-Match", "must be the ETag of the product, e.g. \"3.12.0\"");
        }
    }
}
