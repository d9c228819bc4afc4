package dev.flotilla.image.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded image as this instance knows it: whose, what it is, where processing stands and, once
 * READY, its renditions. Times are epoch milliseconds, as in the table.
 */
@Entity
@Table(name = "images")
public class Image {

    @Id
    private String id;
    @Column(nullable = false)
    private String owner;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImageStatus status;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(nullable = false)
    private String format;
    private int width;
    private int height;
    @Column(name = "size_bytes")
    private long sizeBytes;
    @Column(name = "failure_reason")
    private @Nullable String failureReason;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "updated_at")
    private long updatedAt;
    @Version
    private Long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "image_variants", joinColumns = @JoinColumn(name = "image_id"))
    private List<VariantFile> variants = new ArrayList<>();

    protected Image() {
    }

    /** A new image whose original is stored and whose job is queued. */
    public static Image queued(UUID id, UUID owner, String fileName, String format, int width, int height,
            long sizeBytes, Instant now) {
        Image image = new Image();
        image.id = id.toString();
        image.owner = owner.toString();
        image.status = ImageStatus.QUEUED;
        image.fileName = fileName;
        image.format = format;
        image.width = width;
        image.height = height;
        image.sizeBytes = sizeBytes;
        image.createdAt = now.toEpochMilli();
        image.updatedAt = image.createdAt;
        return image;
    }

    public void processing(Instant now) {
        status = ImageStatus.PROCESSING;
        updatedAt = now.toEpochMilli();
    }

    /** Back in the queue: a worker gave its lease back, or an attempt failed and will be retried. */
    public void requeued(Instant now) {
        status = ImageStatus.QUEUED;
        updatedAt = now.toEpochMilli();
    }

    public void ready(List<VariantFile> files, Instant now) {
        variants.clear();
        variants.addAll(files);
        status = ImageStatus.READY;
        failureReason = null;
        updatedAt = now.toEpochMilli();
    }

    public void failed(String reason, Instant now) {
        status = ImageStatus.FAILED;
        failureReason = reason;
        updatedAt = now.toEpochMilli();
    }

    public boolean ownedBy(UUID user) {
        return owner.equals(user.toString());
    }

    public Optional<VariantFile> file(Variant variant) {
        return variants.stream().filter(file -> file.name().equals(variant.urlName())).findFirst();
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public ImageStatus status() {
        return status;
    }

    public String fileName() {
        return fileName;
    }

    public String format() {
        return format;
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

    public @Nullable String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public List<VariantFile> variants() {
        return List.copyOf(variants);
    }
}
