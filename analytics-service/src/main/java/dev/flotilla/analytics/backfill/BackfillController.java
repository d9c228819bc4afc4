package dev.flotilla.analytics.backfill;

import java.net.URI;

import dev.flotilla.analytics.aggregate.Generations;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admins' backfill: rebuild the aggregates from the stream, and follow it. */
@RestController
@RequestMapping("/api/analytics/backfill")
class BackfillController {

    private final Backfill backfill;
    private final Generations generations;

    BackfillController(Backfill backfill, Generations generations) {
        this.backfill = backfill;
        this.generations = generations;
    }

    @PostMapping
    @Operation(summary = "Rebuild the aggregates from the order-event stream's retained history",
            description = "Builds a fresh generation in the background and swaps it in when done; reports keep answering "
                    + "from the active one meanwhile. 409 while a backfill runs.")
    ResponseEntity<Generations.State> start() {
        backfill.start();
        return ResponseEntity.accepted().location(URI.create("/api/analytics/backfill")).body(generations.state());
    }

    @GetMapping
    @Operation(summary = "The active generation, the backfill running (if any) and how the last one ended")
    Generations.State status() {
        return generations.state();
    }
}
