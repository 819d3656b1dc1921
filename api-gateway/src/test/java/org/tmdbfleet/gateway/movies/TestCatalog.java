package org.tmdbfleet.gateway.movies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Movies to search, the same on every run. */
final class TestCatalog {

	private TestCatalog() {
	}

	/**
	 * A catalog with every case the API must order right: ties in popularity and votes, movies
	 * without popularity or date, matches only in the original title, deleted rows.
	 */
	static List<Row> movies(long firstId, int size) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			long id = firstId + i;
			String title = (i % 10 == 0) ? "The Matrix Part %04d".formatted(i) : "Movie Number %04d".formatted(i);
			String original = (i % 33 == 0) ? "La Matrice Originale %04d MATRIX".formatted(i) : title;
			LocalDate released = (i % 101 == 0) ? null : LocalDate.of(1950 + i % 75, 1 + i % 12, 1 + i % 28);
			Double popularity = (i % 211 == 0) ? null : (double) (i * 7919 % 600) / 10;
			double votes = (i * 31 % 100) / 10.0;
			List<Integer> genres = List.of((i % 3 == 0) ? 28 : 12, (i % 5 == 0) ? 18 : 35);
			rows.add(new Row(id, title, original, released, popularity, votes, genres, i % 500 == 7));
		}
		return rows;
	}

	record Row(long id, String title, String originalTitle, LocalDate releaseDate, Double popularity,
			double voteAverage, List<Integer> genres, boolean deleted) {
	}

}
