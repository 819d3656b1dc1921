package org.tmdbfleet.gateway.progress;

import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportProgress;
import org.tmdbfleet.common.messages.MoviesPersisted;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.messages.PageFetched;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies progress events to the import's rows and counters, then decides whether it is done:
 * each event costs the same few statements at any size of import. Events of one import share a
 * partition, so they arrive in the order they were written, but a re-delivery repeats them:
 * every statement is idempotent.
 */
@Component
class ImportProgressListener {

	private final ImportProgressRepository progress;

	ImportProgressListener(ImportProgressRepository progress) {
		this.progress = progress;
	}

	@KafkaListener(id = "gateway-progress", topics = Topics.PROGRESS,
			concurrency = "${fleet.gateway.progress-concurrency:2}")
	@Transactional
	void onProgress(ImportProgress event) {
		switch (event) {
			case ImportPlanned planned ->
				progress.markPlanned(planned.importId(), planned.totalPages(), planned.totalResults(),
						planned.windows());
			case PageFetched page -> progress.recordFetchedPage(page.importId(), page.page(), page.movieIds());
			case PageFailed page -> progress.recordFailedPage(page.importId(), page.page(), page.reason());
			case ImportFailed failed -> progress.markFailed(failed.importId(), failed.reason());
			case MoviesPersisted persisted -> progress.touch(persisted.importId());
		}
		progress.completeIfDone(event.importId());
	}

}
