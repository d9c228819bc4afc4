package dev.flotilla.user.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/users/me/password}. */
public record ChangePasswordRequest(@NotNull @Size(max = 256) String currentPassword,
        @NotNull @Size(max = 256) String newPassword) {
}
