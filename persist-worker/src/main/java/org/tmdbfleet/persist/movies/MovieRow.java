package org.tmdbfleet.persist.movies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.PoisonRecordException;
import org.tmdbfleet.common.messages.MovieFetched;
import tools.jackson.databind.JsonNode;

/**
 * One {@code movies} row as TMDB's JSON gives it. TMDB's quirks are absorbed here: an empty or
 * malformed {@code release_date} becomes NULL, absent fields become NULL, and NUL characters
 * (which PostgreSQL text cannot hold) are dropped rather than failing a whole batch.
 */
record MovieRow(long tmdbId, String imdbId, String title, String originalTitle, String originalLanguage,
		String overview, LocalDate releaseDate, Double popularity, Double voteAverage, Integer voteCount,
		boolean adult, Integer runtime, String posterPath, String backdropPath, List<Integer> genreIds,
		String payload, Instant fetchedAt, String topCast, String directors) {

	/** Billed cast members kept in {@code top_cast}. */
	static final int TOP_CAST = 5;

	static MovieRow from(MovieFetched event) {
		JsonNode movie = event.movie();
		if (movie == null || !movie.isObject()) {
			throw new PoisonRecordException("movie " + event.tmdbId() + " has no JSON object");
		}
		if (movie.path("id").asLong(-1) != event.tmdbId()) {
			throw new PoisonRecordException("movie JSON id does not match the event's id " + event.tmdbId());
		}
		if (event.fetchedAt() == null) {
			throw new PoisonRecordException("movie " + event.tmdbId() + " has no fetchedAt");
		}
		return new MovieRow(event.tmdbId(), text(movie, "imdb_id"), text(movie, "title"),
				text(movie, "original_title"), text(movie, "original_language"), text(movie, "overview"),
				date(movie, "release_date"), number(movie, "popularity"), number(movie, "vote_average"),
				integer(movie, "vote_count"), movie.path("adult").asBoolean(false), integer(movie, "runtime"),
				text(movie, "poster_path"), text(movie, "backdrop_path"), genreIds(movie),
				FleetJson.MAPPER.writeValueAsString(movie).replace("\\u0000", ""), event.fetchedAt(), topCast(movie),
				directors(movie));
	}

	/** The first billed cast members of a details payload; null for list data (no credits). */
	private static String topCast(JsonNode movie) {
		JsonNode cast = movie.path("credits").path("cast");
		if (!cast.isArray()) {
			return null;
		}
		List<Map<String, Object>> top = cast.valueStream()
			.filter(JsonNode::isObject)
			.sorted(Comparator.comparingInt(member -> member.path("order").asInt(Integer.MAX_VALUE)))
			.limit(TOP_CAST)
			.map(member -> person(member, "character"))
			.toList();
		return json(top);
	}

	private static String directors(JsonNode movie) {
		JsonNode crew = movie.path("credits").path("crew");
		if (!crew.isArray()) {
			return null;
		}
		return json(crew.valueStream()
			.filter(member -> "Director".equals(member.path("job").asString(null)))
			.map(member -> person(member, null))
			.toList());
	}

	private static Map<String, Object> person(JsonNode member, String role) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("id", member.path("id").isIntegralNumber() ? member.path("id").asLong() : null);
		person.put("name", text(member, "name"));
		if (role != null) {
			person.put(role, text(member, role));
		}
		return person;
	}

	private static String json(Object value) {
		return FleetJson.MAPPER.writeValueAsString(value).replace("\\u0000", "");
	}

	private static String text(JsonNode movie, String field) {
		JsonNode value = movie.path(field);
		return value.isString() ? withoutNul(value.stringValue()) : null;
	}

	private static Double number(JsonNode movie, String field) {
		JsonNode value = movie.path(field);
		return value.isNumber() ? value.asDouble() : null;
	}

	private static Integer integer(JsonNode movie, String field) {
		JsonNode value = movie.path(field);
		return value.isNumber() ? value.asInt() : null;
	}

	private static LocalDate date(JsonNode movie, String field) {
		String value = text(movie, field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null; // kept verbatim in the payload; a bad date must not cost the movie
		}
	}

	private static List<Integer> genreIds(JsonNode movie) {
		List<Integer> ids = new ArrayList<>();
		JsonNode list = movie.path("genre_ids").isArray() ? movie.path("genre_ids") : movie.path("genres");
		for (JsonNode genre : list) {
			JsonNode id = genre.isObject() ? genre.path("id") : genre;
			if (id.isIntegralNumber()) {
				ids.add(id.asInt());
			}
		}
		return ids;
	}

	private static String withoutNul(String text) {
		return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
	}

}
