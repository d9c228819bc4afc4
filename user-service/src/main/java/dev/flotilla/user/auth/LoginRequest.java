package dev.flotilla.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/login}. */
record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 256) String password) {
}
