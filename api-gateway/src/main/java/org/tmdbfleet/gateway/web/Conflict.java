package org.tmdbfleet.gateway.web;

/**
 * A request that the current state of what it names refuses: an import that already ended, a
 * name another schedule has. Thrown by services; {@link ApiExceptionHandler} answers it with a 409
 * problem titled by the conflict, whose {@code errors} name the input it is about, so a client can
 * show the reason next to what it sent.
 */
public abstract class Conflict extends RuntimeException {

	private final String title;

	private final InvalidField input;

	/**
	 * @param title the conflict in a few words, the problem's title
	 * @param field the input it is about: a body field, a header
	 * @param message what the input finds, and what it would take
	 */
	protected Conflict(String title, String field, String message) {
		super(title + ": " + field + " " + message);
		this.title = title;
		this.input = new InvalidField(field, message);
	}

	public String title() {
		return title;
	}

	public InvalidField input() {
		return input;
	}

}
