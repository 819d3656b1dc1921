package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.List;

/** TMDB's movie genres ({@code /3/genre/movie/list}), to be stored as they are. */
public record GenresFetched(int schemaVersion, List<Genre> genres, Instant fetchedAt) implements FleetMessage {

	public GenresFetched(List<Genre> genres, Instant fetchedAt) {
		this(CURRENT_SCHEMA, genres, fetchedAt);
	}

	public GenresFetched {
		genres = List.copyOf(genres);
	}

	/** One key: the newest list is what counts. */
	@Override
	public String key() {
		return "genres";
	}

	/** A TMDB genre. */
	public record Genre(int id, String name) {
	}

}
