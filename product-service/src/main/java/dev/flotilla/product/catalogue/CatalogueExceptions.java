package dev.flotilla.product.catalogue;

/** Why a catalogue request is refused. */
public final class CatalogueExceptions {

    private CatalogueExceptions() {
    }

    /** No product (visible to the caller) has this id or SKU. */
    public static class ProductNotFoundException extends RuntimeException {
        public ProductNotFoundException(String key) {
            super("no product " + key);
        }
    }

    /** Another product already has this SKU. */
    public static class SkuTakenException extends RuntimeException {
        public SkuTakenException(String sku) {
            super("a product with SKU " + sku + " already exists");
        }
    }

    /** The product changed since the version the caller read (If-Match). */
    public static class StaleVersionException extends RuntimeException {
        public StaleVersionException(long current) {
            super("the product has changed since; its current version is " + current + ": read it again and retry");
        }
    }

    /** An update without {@code If-Match}. */
    public static class VersionRequiredException extends RuntimeException {
        public VersionRequiredException() {
            super("send the version you read as If-Match (the ETag of GET /api/products/{id})");
        }
    }

    /** A stock adjustment would make the available stock negative. */
    public static class StockTooLowException extends RuntimeException {
        public StockTooLowException(long available) {
            super("the adjustment would take the available stock below zero; available: " + available);
        }
    }
}
