package org.tmdbfleet.gateway.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.ImportCancelled;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.gateway.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an operator can do to an import once it exists: cancel it, or retry what failed. The
 * database records the decision first, then the command goes to Kafka; if Kafka does not take
 * it, the request answers 503 and repeating it is safe.
 */
@Service
class ImportCommands {

	private final ImportJobRepository jobs;

	private final ImportProgressRepository progress;

	private final CommandPublisher commands;

	private final ImportService imports;

	ImportCommands(ImportJobRepository jobs, ImportProgressRepository progress, CommandPublisher commands,
			ImportService imports) {
		this.jobs = jobs;
		this.progress = progress;
		this.commands = commands;
		this.imports = imports;
	}

	/** Cancels a queued or running import; cancelling a cancelled one again re-sends the command. */
	ImportView cancel(UUID id) {
		ImportJob job = existing(id);
		if (!progress.cancel(id)) {
			throw Problems.of(HttpStatus.CONFLICT, "Import already ended", "status",
					"is " + job.getStatus() + "; only a QUEUED or RUNNING import can be cancelled");
		}
		if (!commands.publish(Topics.CONTROL, List.of(new ImportCancelled(id, Instant.now())))) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The import is cancelled but the workers could not be told (Kafka unavailable); repeat the request");
		}
		return view(id);
	}

	/**
	 * Sends exactly the failed pages, and the movies whose details failed, again. An import that
	 * failed before it was planned (bad credentials, Kafka down) is queued again from the start.
	 */
	ImportView retry(UUID id) {
		ImportJob job = existing(id);
		Request request = Request.of(job);
		if (job.getStatus() == ImportStatus.FAILED && job.getTotalPages() == null) {
			return requeue(job, request);
		}
		List<Integer> pages = progress.takeFailedPages(id);
		List<Long> movies = progress.takeFailedMovies(id);
		if (pages.isEmpty() && movies.isEmpty()) {
			throw Problems.of(HttpStatus.CONFLICT, "Nothing to retry", "status", "is " + job.getStatus()
					+ " with no failed page; only failed pages, or an import that failed before it was planned, "
					+ "can be retried");
		}
		List<ImportWindow> windows = job.getWindows();
		List<FetchPage> fetches = pages.stream().map(page -> fetchPage(id, request, windows, page)).toList();
		if (!commands.publish(Topics.PAGES, fetches)) {
			progress.giveBackPages(id, pages);
			throw unavailable();
		}
		List<FetchDetails> details = movies.stream().map(tmdbId -> new FetchDetails(id, tmdbId)).toList();
		if (!commands.publish(Topics.DETAILS, details)) {
			// the pages are on their way; the movies are failed again, and a later retry sends them
			progress.giveBackMovies(id, movies);
			throw unavailable();
		}
		return view(id);
	}

	/** A page of a windowed import is its window's page, narrowed to the window's dates. */
	private static FetchPage fetchPage(UUID id, Request request, List<ImportWindow> windows, int page) {
		return windows.stream()
			.filter(window -> window.holds(page))
			.findFirst()
			.map(window -> window.fetchPage(id, request.filters(), page, request.details()))
			.orElseGet(() -> new FetchPage(id, request.source(), request.filters(), page, null, request.details()));
	}

	private ImportView requeue(ImportJob job, Request request) {
		if (!progress.requeue(job.getId())) {
			throw Problems.of(HttpStatus.CONFLICT, "Nothing to retry", "status", "changed; read the import again");
		}
		ImportRequested command = new ImportRequested(job.getId(), request.source(), request.maxPages(),
				request.filters(), Instant.now(), request.details());
		if (!commands.publish(Topics.IMPORTS, List.of(command))) {
			progress.markUnpublished(job.getId(), "could not be queued again: Kafka did not acknowledge in time");
			throw unavailable();
		}
		return view(job.getId());
	}

	private ImportJob existing(UUID id) {
		return jobs.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import with id " + id));
	}

	private ImportView view(UUID id) {
		return imports.find(id).orElseThrow();
	}

	private static ResponseStatusException unavailable() {
		return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
				"The retry could not be queued; Kafka is unavailable. Nothing changed; retry later.");
	}

	/** The import's request as recorded, to send its commands again. */
	private record Request(ImportSource source, Integer maxPages, ImportFilters filters, boolean details) {

		static Request of(ImportJob job) {
			ImportParams params = ImportParams.read(job.getParams());
			return new Request(FleetJson.MAPPER.convertValue(job.getSource(), ImportSource.class), params.maxPages(),
					params.filters(), params.details());
		}

	}

}
