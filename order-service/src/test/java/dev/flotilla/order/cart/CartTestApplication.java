package dev.flotilla.order.cart;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * order-service as far as the cart goes: the cart, the product-service client, pricing and the
 * service's security rules on the web starter, with Redis and no database (the order features have
 * their own tests).
 */
@SpringBootConfiguration
// Only where a test asks for this slice: the whole service's component scan in the other tests finds this class too.
@ConditionalOnProperty(name = "flotilla.test.slice", havingValue = "cart")
@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ComponentScan(basePackages = {"dev.flotilla.order.cart", "dev.flotilla.order.catalogue", "dev.flotilla.order.pricing"})
@ComponentScan(basePackages = "dev.flotilla.order", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.flotilla\\.order\\.OrderServiceSecurity"))
@ConfigurationPropertiesScan({"dev.flotilla.order.cart", "dev.flotilla.order.catalogue"})
class CartTestApplication {
}
