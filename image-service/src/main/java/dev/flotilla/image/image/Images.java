package dev.flotilla.image.image;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The image records of this instance. */
public interface Images extends JpaRepository<Image, String> {

    /** READY images last changed before {@code before} (epoch milliseconds). */
    @Query("select i.id from Image i where i.status = dev.flotilla.image.image.ImageStatus.READY and i.updatedAt < :before")
    List<String> readyBefore(long before);
}
