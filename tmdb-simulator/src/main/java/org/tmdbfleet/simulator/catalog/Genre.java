package org.tmdbfleet.simulator.catalog;

import java.util.List;

/** A TMDB movie genre; {@link #ALL} lists TMDB's 19 real ones. */
public record Genre(int id, String name) {

	public static final List<Genre> ALL = List.of(new Genre(28, "Action"), new Genre(12, "Adventure"),
			new Genre(16, "Animation"), new Genre(35, "Comedy"), new Genre(80, "Crime"),
			new Genre(99, "Documentary"), new Genre(18, "Drama"), new Genre(10751, "Family"),
			new Genre(14, "Fantasy"), new Genre(36, "History"), new Genre(27, "Horror"),
			new Genre(10402, "Music"), new Genre(9648, "Mystery"), new Genre(10749, "Romance"),
			new Genre(878, "Science Fiction"), new Genre(10770, "TV Movie"), new Genre(53, "Thriller"),
			new Genre(10752, "War"), new Genre(37, "Western"));

	/** The bit of this genre id in a catalog genre mask, or 0 for an id TMDB does not have. */
	public static int bit(int id) {
		for (int i = 0; i < ALL.size(); i++) {
			if (ALL.get(i).id() == id) {
				return 1 << i;
			}
		}
		return 0;
	}

	static List<Genre> of(int mask) {
		return ALL.stream().filter((genre) -> (mask & bit(genre.id())) != 0).toList();
	}

}
