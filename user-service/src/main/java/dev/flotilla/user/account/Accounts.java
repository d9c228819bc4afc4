package dev.flotilla.user.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.repository.Repository;

/** Accounts in PostgreSQL. */
public interface Accounts extends Repository<Account, UUID> {

    Account save(Account account);

    Optional<Account> findById(UUID id);

    /** By email, already normalised with {@link EmailAddresses#normalise(String)}. */
    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    /** Whether an account's email has this {@linkplain EmailAddresses#skeleton(String) skeleton}. */
    boolean existsByEmailSkeleton(String emailSkeleton);

    Page<Account> findAll(Specification<Account> filter, Pageable pageable);

    void flush();
}
