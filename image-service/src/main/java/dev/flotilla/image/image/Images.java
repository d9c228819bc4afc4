package dev.flotilla.image.image;

import org.springframework.data.jpa.repository.JpaRepository;

/** The image records of this instance. */
public interface Images extends JpaRepository<Image, String> {
}
