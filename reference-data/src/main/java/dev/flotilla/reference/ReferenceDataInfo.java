package dev.flotilla.reference;

/**
 * Identity of an opened reference-data file, e.g. for {@code /actuator/info}.
 *
 * @param schemaVersion the Flyway version of the schema the file was built with
 * @param contentChecksum SHA-256 of the content ({@code sha256:<hex>}); equal sources give equal checksums
 */
public record ReferenceDataInfo(String schemaVersion, String contentChecksum) {
}
