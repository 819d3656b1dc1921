package org.tmdbfleet.catalog.movies;

/**
 * A stored movie as an item of TMDB's lists, written by PostgreSQL: popular, discover, search and
 * find all show movies this way. {@code json_build_object} keeps TMDB's field order, and a whole
 * {@code double} prints as {@code 7}, as TMDB's JSON does.
 */
public final class ListItems {

	/** The item of the row {@code m} of {@code movies}, as {@code json}. */
	public static final String JSON = """
			json_build_object('adult', m.adult, 'backdrop_path', m.backdrop_path, 'genre_ids', m.genre_ids,
			    'id', m.tmdb_id, 'original_language', m.original_language, 'original_title', m.original_title,
			    'overview', m.overview, 'popularity', m.popularity, 'poster_path', m.poster_path,
			    'release_date', coalesce(to_char(m.release_date, 'YYYY-MM-DD'), ''), 'title', m.title,
			    'video', coalesce((m.payload ->> 'video')::boolean, (m.details ->> 'video')::boolean, false),
			    'vote_average', m.vote_average, 'vote_count', m.vote_count)""";

	private ListItems() {
	}

}
