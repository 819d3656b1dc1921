package org.tmdbfleet.simulator.fault;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fault for each of some movies, injected into every request for its details, whatever the
 * rates: so that a test can break one movie one way and another one another way at the same time,
 * and nothing else. The random faults and their targets go on as before for every other request.
 *
 * @param byMovie movie id to the fault its details always get
 */
record MovieFaults(Map<Integer, InjectedFault> byMovie) {

	static final MovieFaults NONE = new MovieFaults(Map.of());

	MovieFaults {
		if (byMovie.keySet().stream().anyMatch((movie) -> movie == null || movie < 1)) {
			throw new IllegalArgumentException("movieFaults must name positive movie ids only, not " + byMovie.keySet());
		}
		if (byMovie.values().stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("movieFaults must give every movie a fault, not " + byMovie);
		}
		byMovie = Collections.unmodifiableSortedMap(new TreeMap<>(byMovie));
	}

	/** Faults by their {@link InjectedFault#key keys}, as {@code PUT /admin/faults} and the properties give them. */
	static MovieFaults ofKeys(Map<Integer, String> keys) {
		Map<Integer, InjectedFault> byMovie = new TreeMap<>();
		keys.forEach((movie, key) -> byMovie.put(movie, InjectedFault.ofKey(key)));
		return new MovieFaults(byMovie);
	}

	/** The fault for the movie whose details {@code uri} asks for, if it has one. */
	Optional<InjectedFault> at(String uri) {
		return Optional.ofNullable(byMovie.get(FaultTarget.movieOf(uri)));
	}

	Map<Integer, String> keys() {
		SortedMap<Integer, String> keys = new TreeMap<>();
		byMovie.forEach((movie, fault) -> keys.put(movie, fault.key()));
		return Collections.unmodifiableSortedMap(keys);
	}

}
