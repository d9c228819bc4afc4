package dev.flotilla.image.image;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One stored rendition: its object's type, size and ETag, kept so that conditional reads need no S3 call. */
@Embeddable
public class VariantFile {

    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(nullable = false)
    private int width;
    @Column(nullable = false)
    private int height;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String etag;

    protected VariantFile() {
    }

    public VariantFile(Variant variant, String contentType, int width, int height, long sizeBytes, String etag) {
        this.name = variant.urlName();
        this.contentType = contentType;
        this.width = width;
        this.height = height;
        this.sizeBytes = sizeBytes;
        this.etag = etag;
    }

    public String name() {
        return name;
    }

    public String contentType() {
        return contentType;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String etag() {
        return etag;
    }
}
