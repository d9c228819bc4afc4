package dev.flotilla.product.stock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the indexes the sweeper's queries need, explicitly at startup. */
@Component
class ReservationIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    ReservationIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(Reservation.class).createIndex(new Index("status", Direction.ASC).on("expiresAt", Direction.ASC)
                .named("status_expires"));
        mongo.indexOps(Reservation.class).createIndex(new Index("status", Direction.ASC).on("updatedAt", Direction.ASC)
                .named("status_updated"));
    }
}
