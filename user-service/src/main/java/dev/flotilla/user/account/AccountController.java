package dev.flotilla.user.account;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
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

    @PostMapping
    ResponseEntity<AccountView> register(@Valid @RequestBody RegisterRequest request) {
        AccountView account = registration.register(request);
        return ResponseEntity.created(URI.create("/api/users/" + account.id())).body(account);
    }

    @GetMapping("/me")
    AccountView me(@AuthenticationPrincipal Jwt token) {
        return myAccount.view(accountId(token));
    }

    /** A JSON merge patch (RFC 7396) of the profile; {@code application/json} is accepted too. */
    @PatchMapping(path = "/me", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    AccountView updateMe(@AuthenticationPrincipal Jwt token, @RequestBody JsonNode mergePatch) {
        return myAccount.updateProfile(accountId(token), mergePatch);
    }

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
