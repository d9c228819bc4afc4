package dev.flotilla.order.cart;

import java.time.Clock;
import java.util.UUID;

import dev.flotilla.order.Caller;
import dev.flotilla.order.catalogue.CatalogueProduct;
import dev.flotilla.order.catalogue.ProductCatalogue;
import dev.flotilla.order.catalogue.ProductIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own cart (the user is the access token's subject). A product's name and price are
 * taken from product-service when it is added; the cart then shows them next to the current ones.
 * Limits: {@code flotilla.order.cart} ({@link CartProperties}); going over one is a 422 naming it.
 */
@RestController
@RequestMapping("/api/cart")
class CartController {

    private final Carts carts;
    private final CartPricing pricing;
    private final ProductCatalogue catalogue;
    private final Clock clock;

    CartController(Carts carts, CartPricing pricing, ProductCatalogue catalogue, Clock clock) {
        this.carts = carts;
        this.pricing = pricing;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Get my cart", description = "Lines with the price and name when added, the current price "
            + "and whether it changed, and totals in currency (ISO 4217, default EUR), with the tax of country (ISO "
            + "3166-1 alpha-2) when given. If product-service cannot answer, pricesCurrent is false and the prices "
            + "when added are used.")
    CartView get(@AuthenticationPrincipal Jwt token, @Valid @ModelAttribute CartRequests.ViewParameters parameters) {
        return pricing.view(carts.lines(user(token)), parameters.currencyOrDefault(), parameters.country());
    }

    @PostMapping("/lines")
    @Operation(summary = "Add a product to my cart", description = "Adds a line, or adds the units to the product's "
            + "line. The product must be on sale (else 422). Limits per line, lines per cart and units per cart "
            + "apply (422 naming the limit); nothing is changed then.")
    @ApiResponse(responseCode = "200", description = "The product's line with its new quantity")
    @ApiResponse(responseCode = "422", description = "The product is not on sale, or a limit would be exceeded")
    CartView.ChangedLine add(@AuthenticationPrincipal Jwt token, @Valid @RequestBody CartRequests.AddLine request) {
        CatalogueProduct product = catalogue.product(request.productId());
        int quantity = carts.add(user(token), product, request.quantity(), clock.instant());
        return new CartView.ChangedLine(product.id(), quantity);
    }

    @PutMapping("/lines/{productId}")
    @Operation(summary = "Set the quantity of a product in my cart", description = "The product must be in the cart "
            + "(else 404); the limits apply (422 naming the limit).")
    @ApiResponse(responseCode = "422", description = "A limit would be exceeded")
    CartView.ChangedLine set(@AuthenticationPrincipal Jwt token,
            @PathVariable @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String productId,
            @Valid @RequestBody CartRequests.SetQuantity request) {
        int quantity = carts.set(user(token), productId, request.quantity());
        return new CartView.ChangedLine(ProductIds.canonical(productId), quantity);
    }

    @DeleteMapping("/lines/{productId}")
    @Operation(summary = "Remove a product from my cart", description = "A product that is not in the cart is a 404, "
            + "so a retry after a lost answer sees 404: the line is gone either way.")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt token,
            @PathVariable @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String productId) {
        carts.remove(user(token), productId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "Empty my cart")
    @ApiResponse(responseCode = "204", description = "Emptied")
    ResponseEntity<Void> clear(@AuthenticationPrincipal Jwt token) {
        carts.clear(user(token));
        return ResponseEntity.noContent().build();
    }

    private static UUID user(Jwt token) {
        return Caller.of(token).userId();
    }
}
