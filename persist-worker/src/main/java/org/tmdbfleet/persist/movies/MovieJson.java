package org.tmdbfleet.persist.movies;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tmdbfleet.common.kafka.FleetJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads TMDB's movie JSON into values PostgreSQL can store. A value a column cannot hold becomes
 * NULL (the payload keeps it as TMDB sent it); only NUL characters, which neither {@code text}
 * nor {@code jsonb} can hold anywhere, are dropped from the payload too.
 */
final class MovieJson {

	/** Billed cast members kept in {@code top_cast}. */
	static final int TOP_CAST = 5;

	/** PostgreSQL's {@code date} ends in 5874897 AD and has no year 0 (ISO year 0 is 1 BC). */
	private static final int LATEST_YEAR = 5_874_897;

	private MovieJson() {
	}

	/**
	 * The tree with NUL characters removed from its strings and property names. Done on the tree,
	 * not on the serialized text: there, {@code \u0000} may also be the tail of an escaped
	 * backslash followed by the letters {@code u0000}, which are data.
	 */
	static JsonNode withoutNul(JsonNode node) {
		return switch (node) {
			case ObjectNode object -> {
				ObjectNode copy = FleetJson.MAPPER.createObjectNode();
				object.properties().forEach(property -> copy.set(withoutNul(property.getKey()),
						withoutNul(property.getValue())));
				yield copy;
			}
			case ArrayNode array -> {
				ArrayNode copy = FleetJson.MAPPER.createArrayNode();
				array.valueStream().forEach(value -> copy.add(withoutNul(value)));
				yield copy;
			}
			case StringNode string when string.stringValue().indexOf('\0') >= 0 ->
				StringNode.valueOf(withoutNul(string.stringValue()));
			default -> node;
		};
	}

	static String json(Object value) {
		return FleetJson.MAPPER.writeValueAsString(value);
	}

	static String text(JsonNode movie, String field) {
		JsonNode value = movie.path(field);
		return value.isString() ? withoutNul(value.stringValue()) : null;
	}

	static Double number(JsonNode movie, String field) {
		JsonNode value = movie.path(field);
		return value.isNumber() ? value.asDouble() : null;
	}

	/** A whole number for an {@code integer} column; a fraction is cut, a value out of range is NULL. */
	static Integer integer(JsonNode movie, String field) {
		JsonNode value = movie.path(field);
		if (!value.isNumber()) {
			return null;
		}
		// Jackson 3's asInt() throws beyond the int range instead of wrapping; compare first
		double number = value.asDouble();
		return (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) ? (int) number : null;
	}

	/** An ISO date PostgreSQL can store; empty, malformed or out of range is NULL. */
	static LocalDate date(JsonNode movie, String field) {
		String value = text(movie, field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			return (date.getYear() >= 1 && date.getYear() <= LATEST_YEAR) ? date : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static List<Integer> genreIds(JsonNode movie) {
		List<Integer> ids = new ArrayList<>();
		JsonNode list = movie.path("genre_ids").isArray() ? movie.path("genre_ids") : movie.path("genres");
		for (JsonNode genre : list) {
			JsonNode id = genre.isObject() ? genre.path("id") : genre;
			if (id.isIntegralNumber() && id.canConvertToInt()) {
				ids.add(id.asInt());
			}
		}
		return ids;
	}

	/** The first billed cast members of a details payload; null for list data (no credits). */
	static String topCast(JsonNode movie) {
		JsonNode cast = movie.path("credits").path("cast");
		if (!cast.isArray()) {
			return null;
		}
		return json(cast.valueStream()
			.filter(JsonNode::isObject)
			.sorted(Comparator.comparingInt(member -> member.path("order").asInt(Integer.MAX_VALUE)))
			.limit(TOP_CAST)
			.map(member -> person(member, "character"))
			.toList());
	}

	static String directors(JsonNode movie) {
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
		JsonNode id = member.path("id");
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("id", (id.isIntegralNumber() && id.canConvertToLong()) ? id.asLong() : null);
		person.put("name", text(member, "name"));
		if (role != null) {
			person.put(role, text(member, role));
		}
		return person;
	}

	static String withoutNul(String text) {
		return (text == null || text.indexOf('\0') < 0) ? text : text.replace("\0", "");
	}

}
