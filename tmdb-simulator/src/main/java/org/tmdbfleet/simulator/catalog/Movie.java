package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The list-level data of one catalog movie, as TMDB's list endpoints show it.
 *
 * @param releaseDate {@code null} where TMDB sends an empty string
 * @param voteTenths vote average times ten, so "one decimal" stays exact
 * @param posterPath {@code null} for movies without a poster
 * @param backdropPath {@code null} for movies without a backdrop
 * @param originCountry {@code null} except on the movies that carry this field clients may not know
 * @param fleetExtra {@code null} except on the movies that carry this field no client knows
 */
public record Movie(int id, String title, String originalTitle, String originalLanguage, String overview,
		LocalDate releaseDate, double popularity, int voteTenths, int voteCount, boolean adult,
		List<Integer> genreIds, String posterPath, String backdropPath, List<String> originCountry,
		FleetExtra fleetExtra) {

	/** A field no TMDB client knows; real TMDB adds fields over time, and clients must ignore them. */
	public record FleetExtra(String source, @JsonProperty("catalog_index") int catalogIndex) {
	}

	public List<Genre> genres() {
		return genreIds.stream().map((id) -> Genre.ALL.stream().filter((g) -> g.id() == id).findFirst().orElseThrow())
			.toList();
	}

}
