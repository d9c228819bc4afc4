package dev.flotilla.user.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A user account: the aggregate behind registration, login, profile, settings and administration.
 * State changes only through its verbs, which keep the invariants (the normalised email and its
 * confusable skeleton, see {@link EmailAddresses}; at least the customer role).
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private UUID id;

    private String email;

    /** Absent only on accounts older than the column whose skeleton another, older account already had. */
    private @Nullable String emailSkeleton;

    private String passwordHash;

    private String displayName;

    private String countryCode;

    private @Nullable Long cityId;

    private String preferredCurrency;

    @Enumerated(EnumType.STRING)
    private AccountStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @JdbcTypeCode(SqlTypes.JSON)
    private String settings;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    protected Account() {
        // for JPA
    }

    Account(UUID id, String email, String passwordHash, Profile profile, Set<Role> roles, String settings, Instant now) {
        this.id = id;
        this.email = EmailAddresses.normalise(email);
        this.emailSkeleton = EmailAddresses.skeleton(this.email);
        this.passwordHash = passwordHash;
        this.status = AccountStatus.ACTIVE;
        this.settings = settings;
        this.createdAt = now;
        this.updatedAt = now;
        apply(profile);
        assignRoles(roles, now);
    }

    /** The profile fields a user may change. */
    public record Profile(String displayName, String countryCode, @Nullable Long cityId, String preferredCurrency) {
    }

    void changeProfile(Profile profile, Instant now) {
        apply(profile);
        updatedAt = now;
    }

    void changePasswordHash(String newHash, Instant now) {
        passwordHash = newHash;
        updatedAt = now;
    }

    void changeSettings(String settingsJson, Instant now) {
        settings = settingsJson;
        updatedAt = now;
    }

    void assignRoles(Set<Role> newRoles, Instant now) {
        EnumSet<Role> granted = EnumSet.of(Role.CUSTOMER);
        granted.addAll(newRoles);
        roles.clear();
        roles.addAll(granted);
        updatedAt = now;
    }

    void disable(Instant now) {
        status = AccountStatus.DISABLED;
        updatedAt = now;
    }

    void enable(Instant now) {
        status = AccountStatus.ACTIVE;
        updatedAt = now;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    private void apply(Profile profile) {
        displayName = profile.displayName();
        countryCode = profile.countryCode();
        cityId = profile.cityId();
        preferredCurrency = profile.preferredCurrency();
    }

    public Profile profile() {
        return new Profile(displayName, countryCode, cityId, preferredCurrency);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    @Nullable String emailSkeleton() {
        return emailSkeleton;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public AccountStatus status() {
        return status;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public String settings() {
        return settings;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
