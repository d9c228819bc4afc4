package dev.flotilla.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * Where an order goes. The country is an ISO 3166-1 alpha-2 code checked against the reference data.
 */
@Embeddable
public record ShippingAddress(
        @Column(name = "ship_name") String name,
        @Column(name = "ship_line1") String line1,
        @Column(name = "ship_line2") @Nullable String line2,
        @Column(name = "ship_city") String city,
        @Column(name = "ship_postal_code") String postalCode,
        @Column(name = "ship_country") String country) {
}
