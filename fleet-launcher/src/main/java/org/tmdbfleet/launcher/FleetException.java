package org.tmdbfleet.launcher;

/** Something the user can act on; its message is printed without a stack trace. */
public class FleetException extends RuntimeException {

	public FleetException(String message) {
		super(message);
	}

	public FleetException(String message, Throwable cause) {
		super(message, cause);
	}

}
