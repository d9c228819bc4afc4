package dev.flotilla.web.edge;

import java.util.Map;
import java.util.UUID;

import dev.flotilla.web.problem.ProblemException;
import dev.flotilla.web.security.ApiAuthorization;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.context.annotation.Bean;

/** A small service on the starter, with one endpoint per kind of failure the web edge must answer. */
@SpringBootApplication
public class EdgeTestApplication {

    @Bean
    ApiAuthorization rules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/things/**", "/echo-traceparent", "/call-echo").permitAll()
                .requestMatchers(HttpMethod.POST, "/things").permitAll()
                .requestMatchers(HttpMethod.DELETE, "/things/**").hasRole("ADMIN");
    }

    record NewThing(@NotBlank String name, @Min(1) @Max(10) int quantity) {
    }

    static class ThingNotFoundException extends ProblemException {
        ThingNotFoundException(UUID id) {
            super(HttpStatus.NOT_FOUND, "no thing with id " + id);
        }
    }

    @RestController
    static class Things {

        private final RestClient.Builder http;

        Things(RestClient.Builder http) {
            this.http = http;
        }

        @PostMapping("/things")
        Map<String, Object> create(@Valid @RequestBody NewThing thing) {
            return Map.of("name", thing.name(), "quantity", thing.quantity());
        }

        @GetMapping("/things/{id}")
        Map<String, Object> find(@PathVariable UUID id, @RequestParam(required = false) String label) {
            if (id.getMostSignificantBits() == 0) {
                throw new ThingNotFoundException(id);
            }
            return Map.of("id", id.toString(), "label", label == null ? "" : label);
        }

        @GetMapping("/things/store-timeout")
        String storeTimeout() {
            throw new QueryTimeoutException("the store took too long");
        }

        @GetMapping("/things/bug")
        String bug() {
            throw new IllegalStateException("internal detail that must not leak");
        }

        @DeleteMapping("/things/{id}")
        void delete(@PathVariable UUID id) {
        }

        @GetMapping("/me")
        String me() {
            return "you";
        }

        @GetMapping("/echo-traceparent")
        String echo(@RequestHeader(name = "traceparent", required = false) String traceparent) {
            return traceparent == null ? "" : traceparent;
        }

        @GetMapping("/call-echo")
        String callEcho(@RequestParam int port) {
            return http.build().get().uri("http://127.0.0.1:" + port + "/echo-traceparent").retrieve().body(String.class);
        }
    }
}
