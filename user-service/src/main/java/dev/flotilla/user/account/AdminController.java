package dev.flotilla.user.account;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account administration; every endpoint needs the ADMIN role (see the security configuration). */
@RestController
@RequestMapping("/api/users")
class AdminController {

    private final AccountAdministration administration;

    AdminController(AccountAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "Find accounts", description = """
            Paged and sorted by email; filtered by an email prefix (compared in the stored, normalised \
            form) and a country. Needs the ADMIN role.""")
    @GetMapping
    AccountPage list(@RequestParam(required = false) @Size(max = 254) @Nullable String emailPrefix,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{2}") @Nullable String country,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return AccountPage.of(administration.find(emailPrefix, country, page, size));
    }

    @Operation(summary = "Set the roles of an account",
            description = "The complete set of roles; CUSTOMER is always kept. Needs the ADMIN role.")
    @PatchMapping("/{id}/roles")
    AccountView assignRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return administration.assignRoles(id, request.roles());
    }

    @Operation(summary = "Disable an account",
            description = "It can no longer log in and all its sessions end. Needs the ADMIN role.")
    @PostMapping("/{id}/disable")
    AccountView disable(@PathVariable UUID id) {
        return administration.disable(id);
    }

    @Operation(summary = "Enable an account", description = "Needs the ADMIN role.")
    @PostMapping("/{id}/enable")
    AccountView enable(@PathVariable UUID id) {
        return administration.enable(id);
    }

    /** The complete set of roles; CUSTOMER is always kept. */
    record RolesRequest(@NotNull @Size(max = 10) Set<@NotNull Role> roles) {
    }

    /** One page of accounts. */
    record AccountPage(List<AccountView> items, int page, int size, long totalItems, int totalPages) {

        static AccountPage of(Page<AccountView> page) {
            return new AccountPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }
}
