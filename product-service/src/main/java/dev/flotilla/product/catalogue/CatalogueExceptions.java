package dev.flotilla.product.catalogue;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Why a catalogue request is refused. */
public final class CatalogueExceptions {

    private CatalogueExceptions() {
    }

    /** No product (visible to the caller) has this id or SKU. */
    public static class ProductNotFoundException extends ProblemException {
        public ProductNotFoundException(String key) {
            super(HttpStatus.NOT_FOUND, "no product " + key);
        }
    }

    /** Another product already has this SKU. */
    public static class SkuTakenException extends ProblemException {
        public SkuTakenException(String sku) {
            super(HttpStatus.CONFLICT, "a product with SKU " + sku + " already exists");
        }
    }

    /** The product changed since the version the caller read (If-Match). */
    public static class StaleVersionException extends ProblemException {
        public StaleVersionException(long current) {
            super(HttpStatus.PRECONDITION_FAILED, "the product has changed since; its current version is " + current + ": read it again and retry");
        }
    }

    /** An update without {@code If-Match}. */
    public static class VersionRequiredException extends ProblemException {
        public VersionRequiredException() {
            super(HttpStatus.PRECONDITION_REQUIRED, "send the version you read as If-Match (the ETag of GET /api/products/{id})");
        }
    }

    /** A stock adjustment would make the available stock negative. */
    public static class StockTooLowException extends ProblemException {
        public StockTooLowException(long available) {
            super(HttpStatus.CONFLICT, "the adjustment would take the available stock below zero; available: " + available);
        }
    }
}
