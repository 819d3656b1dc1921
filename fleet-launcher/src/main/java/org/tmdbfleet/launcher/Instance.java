package org.tmdbfleet.launcher;

import java.util.List;
import java.util.Map;

/**
 * One process of the fleet: how to start it and how to tell it is ready.
 *
 * @param name unique within the fleet: {@code kafka}, {@code postgres}, {@code simulator},
 * {@code gateway}, {@code fetch-1}, {@code persist-2}, {@code catalog-1}, {@code prometheus}
 * @param url where it answers, for people and health checks ({@code null} for none)
 */
record Instance(String name, int port, String portVariable, List<String> command, Map<String, String> environment,
		HealthCheck health, String url) {

	/** Tells whether an instance is ready to serve. */
	@FunctionalInterface
	interface HealthCheck {

		boolean healthy();

	}

}
