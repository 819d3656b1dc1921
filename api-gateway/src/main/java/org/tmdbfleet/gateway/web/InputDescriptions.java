package org.tmdbfleet.gateway.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says what an input must be, in words a client can act on: from the type it should have had,
 * or from Jackson's reason for refusing a body. Never repeats what was sent.
 */
final class InputDescriptions {

	private InputDescriptions() {
	}

	/** Why a request body could not be read, and which field of it is at fault. */
	static InvalidField unreadableBody(HttpMessageNotReadableException ex) {
		JacksonException jackson = jacksonCause(ex);
		if (jackson == null) {
			return new InvalidField("body", "is required and must be a JSON object");
		}
		String field = path(jackson);
		return switch (jackson) {
			case UnrecognizedPropertyException unknown -> new InvalidField(field,
					"is not a known field; known here: " + String.join(", ", known(unknown)));
			case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
				new InvalidField(field, expected(mismatch.getTargetType()));
			case InputCoercionException coercion -> new InvalidField(field, "is out of range");
			case StreamConstraintsException limits ->
				new InvalidField(field, "exceeds the parser's limits (nesting depth, number or text length)");
			case StreamReadException malformed -> new InvalidField("body", "is not valid JSON" + at(malformed));
			default -> new InvalidField(field, "is invalid");
		};
	}

	/** What a value of this type must look like. */
	static String expected(Class<?> type) {
		if (type == null) {
			return "is invalid";
		}
		if (type.isEnum()) {
			return "must be one of " + String.join(", ", enumValues(type));
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "must be a whole number within range";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "must be a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (type == UUID.class) {
			return "must be a UUID";
		}
		if (type == LocalDate.class) {
			return "must be a date that exists, as yyyy-MM-dd";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "must be an array";
		}
		return Map.class.isAssignableFrom(type) || type.isRecord() ? "must be an object" : "is invalid";
	}

	/** An enum's values as they appear on the wire: its {@code @JsonProperty} names, if any. */
	static List<String> enumValues(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map(constant -> {
			String name = ((Enum<?>) constant).name();
			try {
				JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
				return (property != null) ? property.value() : name;
			}
			catch (NoSuchFieldException ex) {
				return name;
			}
		}).toList();
	}

	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static List<String> known(UnrecognizedPropertyException ex) {
		return (ex.getKnownPropertyIds() == null) ? List.of()
				: ex.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.toList());
	}

	private static String at(StreamReadException ex) {
		TokenStreamLocation location = ex.getLocation();
		return (location == null || location.getLineNr() < 1) ? ""
				: " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
