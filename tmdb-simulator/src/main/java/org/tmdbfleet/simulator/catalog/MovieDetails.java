package org.tmdbfleet.simulator.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What TMDB's movie details endpoint adds to the list-level {@link Movie}, including the parts
 * served through {@code append_to_response}. The nested records already have TMDB's JSON shape.
 *
 * @param runtime minutes; {@code null} or 0 for some movies, as on TMDB
 * @param imdbId {@code null} for movies TMDB has no IMDb id for
 */
public record MovieDetails(Movie movie, Integer runtime, String imdbId, String status, String tagline, long budget,
		long revenue, String homepage, List<SpokenLanguage> spokenLanguages,
		List<ProductionCountry> productionCountries, Credits credits, ExternalIds externalIds, Keywords keywords,
		ReleaseDates releaseDates) {

	@JsonNaming(SnakeCaseStrategy.class)
	public record SpokenLanguage(String englishName, @JsonProperty("iso_639_1") String language, String name) {
	}

	public record ProductionCountry(@JsonProperty("iso_3166_1") String country, String name) {
	}

	public record Credits(List<CastMember> cast, List<CrewMember> crew) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	public record CastMember(int id, String name, String character, int order, String knownForDepartment,
			String profilePath, String creditId) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	public record CrewMember(int id, String name, String department, String job, String creditId) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	public record ExternalIds(String imdbId, String wikidataId, String facebookId, String instagramId,
			String twitterId) {
	}

	public record Keywords(List<Keyword> keywords) {
	}

	public record Keyword(int id, String name) {
	}

	public record ReleaseDates(List<CountryReleases> results) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	public record CountryReleases(@JsonProperty("iso_3166_1") String country, List<Release> releaseDates) {
	}

	/** One release; {@code type} is TMDB's: 1 premiere, 2 limited, 3 theatrical, 4 digital, 5 physical, 6 TV. */
	@JsonNaming(SnakeCaseStrategy.class)
	public record Release(String certification, List<String> descriptors, @JsonProperty("iso_639_1") String language,
			String note, String releaseDate, int type) {
	}

}
