package org.tmdbfleet.common.kafka;

import java.util.List;

/** The fleet's Kafka topics. Each has a dead-letter topic named {@code <topic>.DLT}. */
public final class Topics {

	/** {@code ImportRequested}, keyed by import id. */
	public static final String IMPORTS = "tmdb.imports";

	/** {@code FetchPage}, keyed by {@code importId:page}. */
	public static final String PAGES = "tmdb.pages";

	/** {@code FetchDetails}, keyed by TMDB id: the fan-out of a details import. */
	public static final String DETAILS = "tmdb.details";

	/**
	 * {@code MovieFetched}, {@code MovieNotFetched} keyed by TMDB id so one movie's versions stay
	 * in order, and TMDB's reference data ({@code GenresFetched}, {@code ImageConfigurationFetched}).
	 */
	public static final String MOVIES = "tmdb.movies";

	/** {@code ImportProgress} events, keyed by import id. */
	public static final String PROGRESS = "tmdb.progress";

	/**
	 * {@code ImportCancelled}, keyed by import id. Compacted, so it keeps every cancellation while
	 * staying small: a fetch worker reads it whole at startup, then follows it.
	 */
	public static final String CONTROL = "tmdb.control";

	public static final String DLT_SUFFIX = ".DLT";

	/** The topics that carry work, each with its DLT (the control topic has neither group nor DLT). */
	public static final List<String> ALL = List.of(IMPORTS, PAGES, DETAILS, MOVIES, PROGRESS);

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + DLT_SUFFIX;
	}

}
