package dev.flotilla.user.account;

import java.util.EnumSet;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.BootstrapAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the configured administrator at startup if no account has its email. Safe with several
 * replicas starting at once: the unique email constraint lets exactly one of them create it.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Registration registration;
    private final Accounts accounts;
    private final BootstrapAdmin admin;

    AdminBootstrap(Registration registration, Accounts accounts, UserServiceProperties properties) {
        this.registration = registration;
        this.accounts = accounts;
        this.admin = properties.bootstrapAdmin();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (admin.email() == null || admin.password() == null) {
            log.info("No bootstrap administrator configured (flotilla.user.bootstrap-admin.email and .password)");
            return;
        }
        if (accounts.existsByEmail(EmailAddresses.normalise(admin.email()))) {
            return;
        }
        try {
            registration.register(new RegisterRequest(admin.email(), admin.password(), "Administrator",
                    admin.countryCode(), null, admin.currency()), EnumSet.of(Role.CUSTOMER, Role.ADMIN));
            log.info("Created the bootstrap administrator {}", admin.email());
        } catch (EmailTakenException e) {
            log.info("The bootstrap administrator {} was created by another replica", admin.email());
        } catch (EmailLookalikeException e) {
            log.error("The bootstrap administrator {} was not created: another account has an email that looks the "
                    + "same; find it with GET /api/users and disable it", admin.email());
        }
    }
}
