package org.tmdbfleet.simulator.fault;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@code /3/**} requests the random faults may hit, so that a test can make one page or one
 * movie fail every time while everything else works. With both sets empty, every request; otherwise
 * a request whose {@code page} parameter is in {@code pages} (any list, discover or changes), or the
 * details {@code /3/movie/{id}} of a movie in {@code movies}.
 *
 * @param pages page numbers to break; empty = no targeting by page
 * @param movies movie ids whose details to break; empty = no targeting by movie
 */
record FaultTarget(Set<Integer> pages, Set<Integer> movies) {

	static final FaultTarget EVERY_REQUEST = new FaultTarget(Set.of(), Set.of());

	private static final String MOVIE_DETAILS = "/3/movie/";

	FaultTarget {
		pages = positive("faultPages", pages);
		movies = positive("faultMovies", movies);
	}

	boolean covers(String uri, String page) {
		if (pages.isEmpty() && movies.isEmpty()) {
			return true;
		}
		return (isNumber(page) && pages.contains(Integer.parseInt(page))) || movies.contains(movieOf(uri));
	}

	/** The movie whose details {@code uri} asks for, or 0 when it asks for something else. */
	static int movieOf(String uri) {
		String id = uri.startsWith(MOVIE_DETAILS) ? uri.substring(MOVIE_DETAILS.length()) : null;
		return isNumber(id) ? Integer.parseInt(id) : 0;
	}

	private static boolean isNumber(String text) {
		return text != null && text.matches("\\d{1,9}");
	}

	private static Set<Integer> positive(String name, Set<Integer> numbers) {
		if (numbers.stream().anyMatch((number) -> number == null || number < 1)) {
			throw new IllegalArgumentException(name + " must hold positive numbers only, not " + numbers);
		}
		return Collections.unmodifiableSortedSet(new TreeSet<>(numbers));
	}

}
