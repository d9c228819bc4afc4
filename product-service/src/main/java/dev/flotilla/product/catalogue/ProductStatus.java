package dev.flotilla.product.catalogue;

/** Only ACTIVE products are visible to the public and can be reserved. */
public enum ProductStatus {
    DRAFT, ACTIVE, ARCHIVED
}
