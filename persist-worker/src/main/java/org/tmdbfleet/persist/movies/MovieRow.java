package org.tmdbfleet.persist.movies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tmdbfleet.common.kafka.PoisonRecordException;
import org.tmdbfleet.common.messages.MovieFetched;
import tools.jackson.databind.JsonNode;

/**
 * One {@code movies} row as TMDB's JSON gives it. TMDB's quirks are absorbed by {@link MovieJson}:
 * an empty, malformed or unstorable {@code release_date} and numbers out of a column's range become
 * NULL, absent fields become NULL, and NUL characters (which PostgreSQL cannot hold) are dropped
 * rather than costing the movie.
 * <p>
 * A row holds up to two parts, each with its own fetch time: the list item ({@code payload},
 * {@code listFetchedAt}) and the details ({@code details}, {@code detailsFetchedAt} and the
 * details-only columns imdb id, runtime, cast, directors). The columns both parts carry take the
 * newest fetch of either ({@code fetchedAt}).
 */
record MovieRow(long tmdbId, String title, String originalTitle, String originalLanguage, String overview,
		LocalDate releaseDate, Double popularity, Double voteAverage, Integer voteCount, boolean adult,
		String posterPath, String backdropPath, List<Integer> genreIds, Instant fetchedAt, String payload,
		Instant listFetchedAt, String imdbId, Integer runtime, String topCast, String directors, String details,
		Instant detailsFetchedAt) {

	static MovieRow from(MovieFetched event) {
		if (event.movie() == null || !event.movie().isObject()) {
			throw new PoisonRecordException("movie " + event.tmdbId() + " has no JSON object");
		}
		if (event.movie().path("id").asLong(-1) != event.tmdbId()) {
			throw new PoisonRecordException("movie JSON id does not match the event's id " + event.tmdbId());
		}
		if (event.fetchedAt() == null) {
			throw new PoisonRecordException("movie " + event.tmdbId() + " has no fetchedAt");
		}
		JsonNode movie = MovieJson.withoutNul(event.movie());
		boolean details = event.part() == MovieFetched.Part.DETAILS;
		Instant at = event.fetchedAt();
		// a details answer is the whole truth about its own columns: absent or null clears them
		return new MovieRow(event.tmdbId(), MovieJson.text(movie, "title"), MovieJson.text(movie, "original_title"),
				MovieJson.text(movie, "original_language"), MovieJson.text(movie, "overview"),
				MovieJson.date(movie, "release_date"), MovieJson.number(movie, "popularity"),
				MovieJson.number(movie, "vote_average"), MovieJson.integer(movie, "vote_count"),
				movie.path("adult").asBoolean(false), MovieJson.text(movie, "poster_path"),
				MovieJson.text(movie, "backdrop_path"), MovieJson.genreIds(movie), at,
				details ? null : MovieJson.json(movie), details ? null : at,
				details ? MovieJson.text(movie, "imdb_id") : null, details ? MovieJson.integer(movie, "runtime") : null,
				details ? MovieJson.topCast(movie) : null, details ? MovieJson.directors(movie) : null,
				details ? MovieJson.json(movie) : null, details ? at : null);
	}

	/**
	 * This row once the upsert statement wrote {@code other} over it, so that collapsing a batch to
	 * one row per movie gives what the records would give one after the other, in any order. The
	 * same rule as the statement, part by part: the shared columns are the newest fetch's of
	 * either part, the list item the newest list fetch's, the details columns the newest details
	 * fetch's (a null there is TMDB's value). A part that is not newer changes nothing.
	 */
	MovieRow updatedBy(MovieRow other) {
		MovieRow shared = other.fetchedAt().isAfter(fetchedAt) ? other : this;
		MovieRow list = newer(other.listFetchedAt(), listFetchedAt) ? other : this;
		MovieRow details = newer(other.detailsFetchedAt(), detailsFetchedAt) ? other : this;
		if (shared == this && list == this && details == this) {
			return this;
		}
		return new MovieRow(tmdbId, shared.title(), shared.originalTitle(), shared.originalLanguage(),
				shared.overview(), shared.releaseDate(), shared.popularity(), shared.voteAverage(), shared.voteCount(),
				shared.adult(), shared.posterPath(), shared.backdropPath(), shared.genreIds(), shared.fetchedAt(),
				list.payload(), list.listFetchedAt(), details.imdbId(), details.runtime(), details.topCast(),
				details.directors(), details.details(), details.detailsFetchedAt());
	}

	/** Whether a part fetched at {@code candidate} is newer than the one fetched at {@code stored}. */
	private static boolean newer(Instant candidate, Instant stored) {
		return candidate != null && (stored == null || candidate.isAfter(stored));
	}

}
