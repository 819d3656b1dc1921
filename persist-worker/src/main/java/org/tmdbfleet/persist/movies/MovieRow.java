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
 */
record MovieRow(long tmdbId, String imdbId, String title, String originalTitle, String originalLanguage,
		String overview, LocalDate releaseDate, Double popularity, Double voteAverage, Integer voteCount,
		boolean adult, Integer runtime, String posterPath, String backdropPath, List<Integer> genreIds,
		String payload, Instant fetchedAt, String topCast, String directors) {

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
		return new MovieRow(event.tmdbId(), MovieJson.text(movie, "imdb_id"), MovieJson.text(movie, "title"),
				MovieJson.text(movie, "original_title"), MovieJson.text(movie, "original_language"),
				MovieJson.text(movie, "overview"), MovieJson.date(movie, "release_date"),
				MovieJson.number(movie, "popularity"), MovieJson.number(movie, "vote_average"),
				MovieJson.integer(movie, "vote_count"), movie.path("adult").asBoolean(false),
				MovieJson.integer(movie, "runtime"), MovieJson.text(movie, "poster_path"),
				MovieJson.text(movie, "backdrop_path"), MovieJson.genreIds(movie), MovieJson.json(movie),
				event.fetchedAt(), MovieJson.topCast(movie), MovieJson.directors(movie));
	}

	/**
	 * This row once the upsert statement wrote {@code newer} over it: what two fetches of one movie
	 * become in the database one after the other, so that collapsing a batch to one row per movie
	 * loses nothing a details fetch added. Plain fields are the newer's; imdb id, runtime, cast and
	 * directors only fill gaps (a list fetch has none); the payloads merge key by key. A fetch that
	 * is not newer changes nothing, as in the statement.
	 */
	MovieRow updatedBy(MovieRow newer) {
		if (!newer.fetchedAt().isAfter(fetchedAt)) {
			return this;
		}
		return new MovieRow(tmdbId, coalesce(newer.imdbId(), imdbId), newer.title(), newer.originalTitle(),
				newer.originalLanguage(), newer.overview(), newer.releaseDate(), newer.popularity(),
				newer.voteAverage(), newer.voteCount(), newer.adult(), coalesce(newer.runtime(), runtime),
				newer.posterPath(), newer.backdropPath(), newer.genreIds(), MovieJson.laidOver(payload, newer.payload()),
				newer.fetchedAt(), coalesce(newer.topCast(), topCast), coalesce(newer.directors(), directors));
	}

	private static <T> T coalesce(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
