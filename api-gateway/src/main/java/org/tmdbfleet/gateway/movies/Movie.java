package org.tmdbfleet.gateway.movies;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A movie as the persist workers wrote it; the gateway only reads. The raw TMDB payload is
 * left out (it is most of the row): only the detail view reads it, with its own query. A movie
 * TMDB deleted stays, marked with {@code deletedAt}; the catalog's lists leave it out unless
 * asked for.
 */
@Entity
@Immutable
@Table(name = "movies")
class Movie {

	@Id
	private Long tmdbId;

	private String imdbId;

	private String title;

	private String originalTitle;

	private String originalLanguage;

	private String overview;

	private LocalDate releaseDate;

	private Double popularity;

	private Double voteAverage;

	private Integer voteCount;

	private boolean adult;

	private Integer runtime;

	private String posterPath;

	private String backdropPath;

	private Integer[] genreIds;

	private Instant fetchedAt;

	private Instant updatedAt;

	/** When TMDB answered 404 for it (deleted or merged); null while TMDB knows it */
	private Instant deletedAt;

	/** JSON as stored: [{id, name, character}], null until a details import */
	@JdbcTypeCode(SqlTypes.JSON)
	private String topCast;

	/** JSON as stored: [{id, name}], null until a details import */
	@JdbcTypeCode(SqlTypes.JSON)
	private String directors;

	protected Movie() {
	}

	String getTopCast() {
		return topCast;
	}

	String getDirectors() {
		return directors;
	}

	Long getTmdbId() {
		return tmdbId;
	}

	String getImdbId() {
		return imdbId;
	}

	String getTitle() {
		return title;
	}

	String getOriginalTitle() {
		return originalTitle;
	}

	String getOriginalLanguage() {
		return originalLanguage;
	}

	String getOverview() {
		return overview;
	}

	LocalDate getReleaseDate() {
		return releaseDate;
	}

	Double getPopularity() {
		return popularity;
	}

	Double getVoteAverage() {
		return voteAverage;
	}

	Integer getVoteCount() {
		return voteCount;
	}

	boolean isAdult() {
		return adult;
	}

	Integer getRuntime() {
		return runtime;
	}

	String getPosterPath() {
		return posterPath;
	}

	String getBackdropPath() {
		return backdropPath;
	}

	Integer[] getGenreIds() {
		return genreIds;
	}

	Instant getFetchedAt() {
		return fetchedAt;
	}

	Instant getDeletedAt() {
		return deletedAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
