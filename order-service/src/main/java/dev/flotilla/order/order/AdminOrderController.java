package dev.flotilla.order.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every order, for administrators (role ADMIN), filtered and paged, newest first. */
@RestController
@RequestMapping("/api/admin/orders")
class AdminOrderController {

    private final OrderQueries queries;

    AdminOrderController(OrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List all orders", description = "Filters combine: status, shipping country (alpha-2), user, "
            + "and a creation range [createdFrom, createdTo).")
    OrderPage list(@Valid @ModelAttribute Filter filter) {
        PageRequest page = PageRequest.of(filter.page() == null ? 0 : filter.page(), filter.size() == null ? 20 : filter.size(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        return queries.matching(filter.specification(), page);
    }

    /** The admin listing's filters, each optional. */
    record Filter(@Nullable OrderStatus status,
            @Nullable @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @Nullable UUID userId, @Nullable Instant createdFrom, @Nullable Instant createdTo,
            @Nullable @Min(0) @Max(10_000) Integer page, @Nullable @Min(1) @Max(100) Integer size) {

        Specification<Order> specification() {
            return (root, query, cb) -> {
                List<Predicate> where = new ArrayList<>();
                if (status != null) {
                    where.add(cb.equal(root.get("status"), status));
                }
                if (country != null) {
                    where.add(cb.equal(root.get("shippingAddress").get("country"), country.toUpperCase(Locale.ROOT)));
                }
                if (userId != null) {
                    where.add(cb.equal(root.get("userId"), userId));
                }
                if (createdFrom != null) {
                    where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), createdFrom));
                }
                if (createdTo != null) {
                    where.add(cb.lessThan(root.get("createdAt"), createdTo));
                }
                return cb.and(where.toArray(Predicate[]::new));
            };
        }
    }
}
