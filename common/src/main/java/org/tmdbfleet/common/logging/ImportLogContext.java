package org.tmdbfleet.common.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.MDC;
import org.tmdbfleet.common.messages.DetailsRequested;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImageConfigurationFetched;
import org.tmdbfleet.common.messages.ImportCancelled;
import org.tmdbfleet.common.messages.ImportPlanDecided;
import org.tmdbfleet.common.messages.ImportProgress;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;

/**
 * Puts what a log line is about into the logging context (SLF4J's MDC) while it is handled: the
 * import ({@code importId}) and, where there is one, the page ({@code page}) or movie
 * ({@code movieId}). Structured logs carry them as fields; the plain console pattern shows them in
 * brackets. Closing restores what the context held before, so contexts nest.
 *
 * <pre>{@code try (var context = ImportLogContext.of(command)) { ... } }</pre>
 */
public final class ImportLogContext implements AutoCloseable {

	public static final String IMPORT_ID = "importId";

	public static final String PAGE = "page";

	public static final String MOVIE_ID = "movieId";

	private final List<String[]> previous = new ArrayList<>();

	private ImportLogContext() {
	}

	/** The context of handling {@code message}. */
	public static ImportLogContext of(FleetMessage message) {
		ImportLogContext context = new ImportLogContext();
		switch (message) {
			case FetchPage page -> context.put(IMPORT_ID, page.importId()).put(PAGE, page.page());
			case FetchDetails details -> context.put(IMPORT_ID, details.importId()).put(MOVIE_ID, details.tmdbId());
			case MovieFetched movie -> context.put(IMPORT_ID, movie.importId()).put(MOVIE_ID, movie.tmdbId());
			case MovieNotFetched movie -> context.put(IMPORT_ID, movie.importId()).put(MOVIE_ID, movie.tmdbId());
			case ImportRequested requested -> context.put(IMPORT_ID, requested.importId());
			case ImportProgress progress -> context.put(IMPORT_ID, progress.importId());
			case ImportCancelled cancelled -> context.put(IMPORT_ID, cancelled.importId());
			case ImportPlanDecided decided -> context.put(IMPORT_ID, decided.importId());
			case DetailsRequested requested -> context.put(IMPORT_ID, requested.importId());
			case GenresFetched genres -> {
				// about no import
			}
			case ImageConfigurationFetched images -> {
				// about no import
			}
		}
		return context;
	}

	/** The context of handling one import outside a message (an HTTP command, say). */
	public static ImportLogContext ofImport(UUID importId) {
		return new ImportLogContext().put(IMPORT_ID, importId);
	}

	private ImportLogContext put(String key, Object value) {
		if (value != null) {
			previous.add(new String[] { key, MDC.get(key) });
			MDC.put(key, value.toString());
		}
		return this;
	}

	@Override
	public void close() {
		for (int i = previous.size() - 1; i >= 0; i--) {
			String[] entry = previous.get(i);
			if (entry[1] == null) {
				MDC.remove(entry[0]);
			}
			else {
				MDC.put(entry[0], entry[1]);
			}
		}
		previous.clear();
	}

}
