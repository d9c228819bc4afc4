package dev.flotilla.image.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be, under {@code flotilla.image.upload}.
 *
 * @param maxSize the largest file accepted (keep {@code spring.servlet.multipart.max-file-size} and
 *     {@code flotilla.web.max-request-size} a little above it, for the multipart envelope)
 * @param maxPixels the most pixels (width x height, read from the header before anything is decoded)
 * @param maxPendingJobs uploads are refused with 503 while this many jobs are waiting or running
 */
@ConfigurationProperties("flotilla.image.upload")
public record UploadProperties(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("200") int maxPendingJobs) {
}
