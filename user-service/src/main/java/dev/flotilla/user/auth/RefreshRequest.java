package dev.flotilla.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/refresh}. */
record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
}
