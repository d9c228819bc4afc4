package dev.flotilla.order.catalogue;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.flotilla.order.pricing.Money;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Products as product-service shows them to the public ({@code GET /api/products/{id}}, no token).
 * Retried, time-boxed and behind the circuit breaker like every call to product-service: when it cannot
 * answer, {@link ProductServiceUnavailableException} (503).
 */
@Component
public class ProductCatalogue {

    private static final String ACTIVE = "ACTIVE";

    private final ProductServiceClient client;

    ProductCatalogue(ProductServiceClient client) {
        this.client = client;
    }

    /**
     * The product, if it is on sale.
     *
     * @throws InvalidFieldsException 400 (field {@code productId}) when the id is not 24 hexadecimal digits
     * @throws UnknownProductException 422 when no active product has this id
     * @throws ProductServiceUnavailableException 503 when product-service cannot answer in time
     */
    public CatalogueProduct product(String productId) {
        if (!ProductIds.isValid(productId)) {
            throw new InvalidFieldsException("productId", ProductIds.MESSAGE);
        }
        String id = ProductIds.canonical(productId);
        ProductJson product = client.call("reading product " + id, rest -> fetch(rest, id));
        if (product == null || !ACTIVE.equals(product.status())) {
            throw new UnknownProductException(id);
        }
        return product.toProduct();
    }

    private static ProductJson fetch(RestClient rest, String id) {
        return rest.get().uri("/api/products/{id}", id).accept(MediaType.APPLICATION_JSON).retrieve()
                .onStatus(status -> status.isSameCodeAs(HttpStatus.NOT_FOUND), (request, response) -> {
                    throw new UnknownProductException(id);
                })
                .body(ProductJson.class);
    }

    /** The part of product-service's {@code ProductView} order-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductJson(String id, String sku, String name, String category, PriceJson price, long availableStock,
            String status) {

        CatalogueProduct toProduct() {
            return new CatalogueProduct(id, sku, name, category, new Money(new BigDecimal(price.amount()), price.currency()),
                    ACTIVE.equals(status), availableStock);
        }
    }

    /** An exact price, the amount written as a string. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PriceJson(String amount, String currency) {
    }
}
