package dev.flotilla.order.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.flotilla.order.catalogue.CatalogueProduct;
import dev.flotilla.order.catalogue.ProductCatalogue;
import dev.flotilla.order.catalogue.ProductServiceUnavailableException;
import dev.flotilla.order.catalogue.UnknownProductException;
import dev.flotilla.order.pricing.Money;
import dev.flotilla.order.pricing.Pricing;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A cart's lines next to product-service's current prices, priced by {@link Pricing}. When
 * product-service cannot answer, the cart is still shown, at the prices when added, and says so.
 */
@Component
class CartPricing {

    private final ProductCatalogue catalogue;
    private final Pricing pricing;

    CartPricing(ProductCatalogue catalogue, Pricing pricing) {
        this.catalogue = catalogue;
        this.pricing = pricing;
    }

    CartView view(List<CartLine> lines, String currency, @Nullable String country) {
        Current current = current(lines);
        List<Pricing.Item> items = lines.stream().filter(line -> !current.gone().contains(line.productId()))
                .map(line -> new Pricing.Item(line.productId(), line.quantity(), price(line, current))).toList();
        Pricing.Quote quote = country == null ? pricing.quoteWithoutTax(items, currency)
                : pricing.quote(items, currency, country);
        Map<String, Pricing.QuotedLine> quoted = quote.lines().stream()
                .collect(Collectors.toMap(Pricing.QuotedLine::productId, Function.identity()));
        List<CartView.Line> views = lines.stream().map(line -> line(line, current, quoted.get(line.productId()))).toList();
        int units = items.stream().mapToInt(Pricing.Item::quantity).sum();
        return new CartView(quote.currency(), country, views, units, quote.totals().subtotal().toPlainString(),
                quote.totals().tax().toPlainString(), quote.totals().total().toPlainString(),
                quote.taxRate().stripTrailingZeros().toPlainString(), current.known());
    }

    private static CartView.Line line(CartLine line, Current current, Pricing.@Nullable QuotedLine quoted) {
        CatalogueProduct product = current.products().get(line.productId());
        boolean changed = product != null && !same(product.price(), line.unitPrice());
        return new CartView.Line(line.productId(), line.sku(), line.name(), line.category(), line.quantity(),
                CartView.Price.of(line.unitPrice()), line.addedAt(),
                product == null ? null : CartView.Price.of(product.price()), changed,
                !current.gone().contains(line.productId()),
                quoted == null ? null : quoted.lineTotal().toPlainString());
    }

    private static Money price(CartLine line, Current current) {
        CatalogueProduct product = current.products().get(line.productId());
        return product == null ? line.unitPrice() : product.price();
    }

    /** Asks product-service line by line; after one unavailability, asks no more. */
    private Current current(List<CartLine> lines) {
        Map<String, CatalogueProduct> products = new java.util.HashMap<>();
        List<String> gone = new ArrayList<>();
        for (CartLine line : lines) {
            try {
                products.put(line.productId(), catalogue.product(line.productId()));
            } catch (UnknownProductException e) {
                gone.add(line.productId());
            } catch (ProductServiceUnavailableException e) {
                return new Current(products, gone, false);
            }
        }
        return new Current(products, gone, true);
    }

    private static boolean same(Money a, Money b) {
        return a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
    }

    private record Current(Map<String, CatalogueProduct> products, List<String> gone, boolean known) {
    }
}
