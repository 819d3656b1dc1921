package org.tmdbfleet.fetch.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;

import org.springframework.stereotype.Component;

/**
 * TMDB's reference data, the genre list and the image configuration, refreshed by every import
 * but a changes sync: two requests, and the persist workers keep them current without a
 * scheduler. A failure costs the import nothing.
 */
@Component
class ReferenceData {

	private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

	private final TmdbClient tmdb;

	ReferenceData(TmdbClient tmdb) {
		this.tmdb = tmdb;
	}

	/** The events that refresh it, as far as TMDB served them. */
	List<FleetMessage> fetch() {
		List<FleetMessage> reference = new ArrayList<>(2);
		try {
			reference.add(new GenresFetched(tmdb.fetchGenres(), Instant.now()));
		}
		catch (RuntimeException ex) {
			log.warn("Genres not refreshed: {}", describe(ex));
		}
		try {
			tmdb.fetchImageConfiguration().ifPresent(reference::add);
		}
		catch (RuntimeException ex) {
			log.warn("Image configuration not refreshed: {}", describe(ex));
		}
		return reference;
	}

	/** A TMDB failure says what TMDB answered; anything else also says what went wrong. */
	private static String describe(RuntimeException ex) {
		return (ex instanceof TmdbException) ? ex.getMessage() : ex.toString();
	}

}
