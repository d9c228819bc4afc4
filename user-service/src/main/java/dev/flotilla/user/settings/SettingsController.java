package dev.flotilla.user.settings;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's settings. */
@RestController
@RequestMapping("/api/users/me/settings")
class SettingsController {

    private final Settings settings;

    SettingsController(Settings settings) {
        this.settings = settings;
    }

    @Operation(summary = "Read my settings")
    @GetMapping
    UserSettings get(@AuthenticationPrincipal Jwt token) {
        return settings.get(UUID.fromString(token.getSubject()));
    }

    @Operation(summary = "Replace my settings", description = "The whole document: language, currency and notifications.")
    @PutMapping
    UserSettings replace(@AuthenticationPrincipal Jwt token, @Valid @RequestBody UserSettings request) {
        return settings.replace(UUID.fromString(token.getSubject()), request);
    }
}
