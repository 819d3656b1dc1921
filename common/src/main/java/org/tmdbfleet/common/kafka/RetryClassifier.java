package org.tmdbfleet.common.kafka;

import java.net.ConnectException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

import org.apache.kafka.common.errors.RetriableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells "the infrastructure is down" from "this record is bad": the first is retried until it
 * comes back (the consumer pauses, nothing is skipped), the second goes to the DLT.
 */
final class RetryClassifier {

	private static final List<Class<? extends Throwable>> INFRASTRUCTURE = List.of(TransientDataAccessException.class,
			RecoverableDataAccessException.class, DataAccessResourceFailureException.class,
			CannotCreateTransactionException.class, RetriableException.class, SQLTransientException.class,
			SQLRecoverableException.class, ConnectException.class);

	private RetryClassifier() {
	}

	static boolean isInfrastructureDown(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (Class<? extends Throwable> type : INFRASTRUCTURE) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
