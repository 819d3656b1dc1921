package org.tmdbfleet.fetch.planning;

import org.tmdbfleet.fetch.tmdb.TmdbException;

/**
 * How making a plan ended. A plan sends its windows or pages as it goes; what completes it is
 * sent by the planner, in the listener's transaction with the command's offset.
 */
sealed interface PlanOutcome {

	/** The import was cancelled while it was planned: nothing more is sent. */
	PlanOutcome CANCELLED = new Cancelled();

	/**
	 * TMDB could not serve what the plan needed: the import fails with TMDB's answer. On a
	 * thread shutting down the failure is not the import's: it is thrown, and the import is
	 * planned again where its partition goes.
	 */
	static PlanOutcome failed(TmdbException ex) {
		if (Thread.currentThread().isInterrupted()) {
			throw ex;
		}
		return new Failed(String.valueOf(ex.getMessage()));
	}

	/** @param publish sends what completes the plan (its {@code ImportPlanned}, page 1, page commands) */
	record Made(Runnable publish) implements PlanOutcome {
	}

	record Failed(String reason) implements PlanOutcome {
	}

	record Cancelled() implements PlanOutcome {
	}

}
