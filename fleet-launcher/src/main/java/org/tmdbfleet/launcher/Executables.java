package org.tmdbfleet.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Programs the fleet and its tests run from the machine (Prometheus, promtool, docker-compose). */
public final class Executables {

	private Executables() {
	}

	/** The first executable of that name on the PATH. */
	public static Optional<Path> onPath(String name) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.map(dir -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
