package org.tmdbfleet.gateway.web;

import java.util.List;

/**
 * Inputs a request got wrong by its own rules, those its annotations cannot say (a field only
 * one source takes, a day beyond TMDB's reach), each named with what it must be. Thrown where the
 * request is checked; {@link ApiExceptionHandler} answers it with a 400 problem whose
 * {@code errors} name them, as it answers a failed {@code @Valid}. The message is the problem's
 * detail.
 */
public final class InvalidInput extends RuntimeException {

	private final List<InvalidField> errors;

	/** One input, and what it must be. */
	public InvalidInput(String field, String message) {
		this(List.of(new InvalidField(field, message)));
	}

	public InvalidInput(List<InvalidField> errors) {
		super(Problems.detail(Problems.sorted(errors)));
		this.errors = Problems.sorted(errors);
	}

	/** The inputs in field order, each once. */
	public List<InvalidField> errors() {
		return errors;
	}

	/**
	 * The same inputs as fields of {@code parent}: {@code maxPages} becomes {@code import.maxPages}
	 * when the request was the {@code import} of a larger one.
	 */
	public InvalidInput nested(String parent) {
		return new InvalidInput(
				errors.stream().map(error -> new InvalidField(parent + "." + error.field(), error.message())).toList());
	}

}
