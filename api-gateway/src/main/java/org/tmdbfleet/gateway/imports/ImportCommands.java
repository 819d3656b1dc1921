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
import org.tmdbfleet.gateway.imports.ImportCommandRepository.Found;
import org.tmdbfleet.gateway.imports.ImportCommandRepository.Taken;
import org.tmdbfleet.gateway.outbox.Outbox;
import org.tmdbfleet.gateway.tracking.ImportNotFound;
import org.tmdbfleet.gateway.tracking.ImportQueries;
import org.tmdbfleet.gateway.tracking.ImportStatus;
import org.tmdbfleet.gateway.tracking.ImportView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator can do to an import once it exists: cancel it, or retry what failed. The
 * decision and its command for the workers are recorded in one database transaction (the
 * {@link Outbox}), so neither exists without the other, and Kafka being down delays the command
 * but never refuses the request.
 */
@Service
class ImportCommands {

	private final ImportCommandRepository imports;

	private final Outbox outbox;

	private final ImportQueries queries;

	private final TransactionTemplate transactions;

	ImportCommands(ImportCommandRepository imports, Outbox outbox, ImportQueries queries,
			TransactionTemplate transactions) {
		this.imports = imports;
		this.outbox = outbox;
		this.queries = queries;
		this.transactions = transactions;
	}

	/** Cancels a queued or running import; cancelling a cancelled one again re-sends the command. */
	ImportView cancel(UUID id) {
		Found job = existing(id);
		transactions.executeWithoutResult(status -> {
			if (!imports.cancel(id)) {
				throw new ImportAlreadyEnded(job.status());
			}
			outbox.append(Topics.CONTROL, List.of(new ImportCancelled(id, Instant.now())));
		});
		return view(id);
	}

	/**
	 * Sends exactly the failed pages, and the failed movies, again. An import whose planning
	 * failed (bad credentials, TMDB refusing the list) is queued again from the start.
	 */
	ImportView retry(UUID id) {
		Found job = existing(id);
		Request request = Request.of(job);
		List<ImportWindow> windows = job.windows();
		transactions.executeWithoutResult(status -> {
			if (job.status() == ImportStatus.FAILED && job.totalPages() == null) {
				requeue(job, request);
				return;
			}
			Taken taken = imports.takeFailures(id).orElseThrow(() -> NothingToRetry.noFailures(job.status()));
			outbox.append(Topics.PAGES,
					taken.pages().stream().map(page -> fetchPage(id, request, windows, page)).toList());
			outbox.append(Topics.DETAILS, taken.movies().stream().map(tmdbId -> new FetchDetails(id, tmdbId)).toList());
		});
		return view(id);
	}

	/** A page of a windowed import is its window's page, narrowed to the window's dates. */
	private static FetchPage fetchPage(UUID id, Request request, List<ImportWindow> windows, int page) {
		return windows.stream()
			.filter(window -> window.holds(page))
			.findFirst()
			.map(window -> window.fetchPage(id, request.filters(), page, request.details()))
			.orElseGet(() -> (request.source() == ImportSource.CATALOG)
					// a catalog import's pages are discover's, with no filters and list data only
					? new FetchPage(id, ImportSource.DISCOVER, ImportFilters.NONE, page, null, false)
					: new FetchPage(id, request.source(), request.filters(), page, null, request.details()));
	}

	private void requeue(Found job, Request request) {
		if (!imports.requeue(job.id())) {
			throw NothingToRetry.changedMeanwhile();
		}
		outbox.append(Topics.IMPORTS, List.of(new ImportRequested(job.id(), request.source(), request.maxPages(),
				request.filters(), Instant.now(), request.details())));
	}

	private Found existing(UUID id) {
		return imports.find(id).orElseThrow(() -> new ImportNotFound(id));
	}

	private ImportView view(UUID id) {
		return queries.find(id).orElseThrow();
	}

	/** The import's request as recorded, to send its commands again. */
	private record Request(ImportSource source, Integer maxPages, ImportFilters filters, boolean details) {

		static Request of(Found job) {
			ImportParams params = ImportParams.read(job.params());
			return new Request(FleetJson.MAPPER.convertValue(job.source(), ImportSource.class), params.maxPages(),
					params.filters(), params.details());
		}

	}

}
