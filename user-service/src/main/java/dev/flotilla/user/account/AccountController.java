package dev.flotilla.user.account;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Registration (public) and the signed-in user's own account. */
@RestController
@RequestMapping("/api/users")
class AccountController {

    private final Registration registration;
    private final MyAccount myAccount;

    AccountController(Registration registration, MyAccount myAccount) {
        this.registration = registration;
        this.myAccount = myAccount;
    }

    @Operation(summary = "Register a customer account", description = """
            The email is stored in NFC and lower case; it must not contain invisible, formatting or control \
            characters, and must not be taken or look like a taken one (409). The password has 12 to 64 \
            characters and at most 72 bytes in UTF-8. Registrations are limited per client address.""")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the new account", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "429", description = "Too many registrations from this client address",
            headers = @Header(name = "Retry-After", description = "seconds until the limit lets the request through",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    ResponseEntity<AccountView> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        AccountView account = registration.register(request, http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/users/" + account.id())).body(account);
    }

    @Operation(summary = "Read my account")
    @GetMapping("/me")
    AccountView me(@AuthenticationPrincipal Jwt token) {
        return myAccount.view(accountId(token));
    }

    /** A JSON merge patch (RFC 7396) of the profile; {@code application/json} is accepted too. */
    @Operation(summary = "Change my profile", description = """
            A JSON merge patch (RFC 7396) of displayName, countryCode, cityId and preferredCurrency: a \
            member replaces the field, an absent one keeps it, `"cityId": null` removes the city.""")
    @PatchMapping(path = "/me", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    AccountView updateMe(@AuthenticationPrincipal Jwt token, @RequestBody JsonNode mergePatch) {
        return myAccount.updateProfile(accountId(token), mergePatch);
    }

    @Operation(summary = "Change my password", description = """
            Needs the current password; ends every other session of the account. Wrong current \
            passwords are limited per account.""")
    @ApiResponse(responseCode = "204", description = "Changed; every other session has ended")
    @ApiResponse(responseCode = "429", description = "Too many wrong current passwords for this account",
            headers = @Header(name = "Retry-After", description = "seconds until the limit lets the request through",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PutMapping("/me/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt token,
            @Valid @RequestBody ChangePasswordRequest request) {
        myAccount.changePassword(accountId(token), request, token.getClaimAsString("sid"));
        return ResponseEntity.noContent().build();
    }

    static UUID accountId(Jwt token) {
        return UUID.fromString(token.getSubject());
    }
}
