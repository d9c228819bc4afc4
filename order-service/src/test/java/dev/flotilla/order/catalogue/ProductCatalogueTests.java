package dev.flotilla.order.catalogue;

import java.math.BigDecimal;

import dev.flotilla.order.pricing.Money;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Products read from product-service's public endpoint. */
class ProductCatalogueTests {

    private static final String BOOK = "65f0c0ffee0000000000a001";

    private final StubProductService stub = StubProductService.start();
    private final ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties(stub.baseUrl()),
            new MutableClock());

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aProductIsReadWithItsExactPriceAndWithoutAToken() {
        stub.product(BOOK, "Dune", "19.99", "EUR");

        CatalogueProduct product = client.catalogue().product(BOOK.toUpperCase());

        assertThat(product).isEqualTo(new CatalogueProduct(BOOK, "SKU-65f0c0", "Dune", "books",
                new Money(new BigDecimal("19.99"), "EUR"), true, 7));
        assertThat(stub.requests("/api/products/" + BOOK)).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isNull());
        assertThat(stub.tokensIssued()).isZero();
    }

    @Test
    void anUnknownProductIsUnprocessable() {
        UnknownProductException unknown = catchThrowableOfType(UnknownProductException.class,
                () -> client.catalogue().product(BOOK));

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(stub.requests("/api/products")).hasSize(1);
    }

    @Test
    void aProductNotActiveIsUnknown() {
        stub.product(BOOK, "Dune", "19.99", "EUR", "ARCHIVED");

        assertThatThrownBy(() -> client.catalogue().product(BOOK)).isInstanceOf(UnknownProductException.class);
    }

    @Test
    void aMalformedIdIsRefusedWithoutACall() {
        for (String id : new String[] {"", "65f0c0ffee0000000000a00", "65f0c0ffee0000000000a0011", "65f0c0ffee000000000/a001",
                "zzf0c0ffee0000000000a001"}) {
            assertThatThrownBy(() -> client.catalogue().product(id)).isInstanceOf(InvalidFieldsException.class);
        }
        assertThat(stub.requests("/")).isEmpty();
    }
}
