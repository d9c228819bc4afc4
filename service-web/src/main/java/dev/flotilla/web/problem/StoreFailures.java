package dev.flotilla.web.problem;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells a store that is down, slow or failing over (which a retry may get past: 503) from a bug
 * (500). Spring's translated exceptions are matched by type; driver exceptions that reach the web layer
 * untranslated are matched by name, so this class needs none of the drivers.
 */
final class StoreFailures {

    private static final Set<String> DRIVER_FAILURES = Set.of(
            "com.mongodb.MongoTimeoutException", "com.mongodb.MongoSocketException",
            "com.mongodb.MongoSocketReadException", "com.mongodb.MongoSocketWriteException",
            "com.mongodb.MongoSocketOpenException", "com.mongodb.MongoSocketReadTimeoutException",
            "com.mongodb.MongoNotPrimaryException", "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoConnectionPoolClearedException", "com.mongodb.MongoExecutionTimeoutException",
            "io.lettuce.core.RedisCommandTimeoutException", "io.lettuce.core.RedisConnectionException");

    private StoreFailures() {
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                    || e instanceof RecoverableDataAccessException || e instanceof CannotCreateTransactionException
                    || e instanceof TransactionTimedOutException || e instanceof SQLTransientException
                    || e instanceof SQLRecoverableException || e instanceof ConnectException
                    || e instanceof SocketTimeoutException || DRIVER_FAILURES.contains(e.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
