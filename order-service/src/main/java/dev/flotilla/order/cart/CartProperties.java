package dev.flotilla.order.cart;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cart's limits and lifetime, under {@code flotilla.order.cart}; each can be set from the
 * environment ({@code FLOTILLA_ORDER_CART_MAX_LINES=30}).
 *
 * @param ttl how long a cart is kept after its last change
 * @param maxQuantityPerLine the most units of one product in a cart
 * @param maxLines the most products in a cart
 * @param maxUnits the most units in a cart, all products together
 */
@ConfigurationProperties("flotilla.order.cart")
public record CartProperties(
        @DefaultValue("7d") Duration ttl,
        @DefaultValue("20") int maxQuantityPerLine,
        @DefaultValue("50") int maxLines,
        @DefaultValue("200") int maxUnits) {
}
