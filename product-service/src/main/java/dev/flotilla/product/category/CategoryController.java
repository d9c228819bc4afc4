package dev.flotilla.product.category;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.flotilla.product.catalogue.Catalogue;
import dev.flotilla.reference.Category;
import dev.flotilla.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The category tree of the reference data with, for each category, the number of active products in
 * it ({@code productCount}) and in it and all its descendants ({@code totalProductCount}).
 */
@RestController
class CategoryController {

    private final ReferenceData referenceData;
    private final Catalogue catalogue;

    CategoryController(ReferenceData referenceData, Catalogue catalogue) {
        this.referenceData = referenceData;
        this.catalogue = catalogue;
    }

    /** A category and its children. */
    record CategoryNode(String slug, String name, long productCount, long totalProductCount, List<CategoryNode> children) {
    }

    @GetMapping("/api/categories")
    @Operation(summary = "Get the category tree with product counts", description = "productCount counts the active "
            + "products in the category itself, totalProductCount those in it and all its descendants.")
    List<CategoryNode> tree() {
        Map<String, Long> counts = catalogue.activeCountsByCategory();
        Map<String, List<Category>> children = new HashMap<>();
        List<Category> roots = new ArrayList<>();
        for (Category category : referenceData.categories()) {
            if (category.isTopLevel()) {
                roots.add(category);
            } else {
                children.computeIfAbsent(category.parentSlug(), parent -> new ArrayList<>()).add(category);
            }
        }
        return roots.stream().map(root -> node(root, children, counts)).toList();
    }

    private static CategoryNode node(Category category, Map<String, List<Category>> children, Map<String, Long> counts) {
        List<CategoryNode> nodes = children.getOrDefault(category.slug(), List.of()).stream()
                .map(child -> node(child, children, counts)).toList();
        long own = counts.getOrDefault(category.slug(), 0L);
        long total = own + nodes.stream().mapToLong(CategoryNode::totalProductCount).sum();
        return new CategoryNode(category.slug(), category.name(), own, total, nodes);
    }
}
