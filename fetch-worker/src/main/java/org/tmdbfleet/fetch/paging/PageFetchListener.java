package org.tmdbfleet.fetch.paging;

import java.time.Instant;

import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.fetch.control.ImportControl;
import org.tmdbfleet.fetch.tmdb.RequestAbandoned;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import org.tmdbfleet.fetch.tmdb.TmdbPage;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Fetches one page per {@link FetchPage} command. Many run at once (I/O bound); the shared rate
 * limiter in the TMDB client keeps their sum polite. A page TMDB cannot serve after the
 * client's retries is reported as failed, never dropped. A page of a cancelled import is not
 * started.
 */
@Component
class PageFetchListener {

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final ImportControl cancellations;

	PageFetchListener(TmdbClient tmdb, PagePublisher publisher, ImportControl cancellations) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.cancellations = cancellations;
	}

	/**
	 * The client id prefix is the same on every instance, so the consumers' member ids sort by
	 * their index first and Kafka's range assignor deals the partitions out across instances
	 * (consumer 0 of each instance, then consumer 1, ...): every instance gets its fair part,
	 * hence its share of the budget, instead of the first instance's consumers taking them all.
	 */
	@KafkaListener(id = "fetch-pages", clientIdPrefix = "fetch-pages", topics = Topics.PAGES,
			concurrency = "${fleet.fetch.concurrency:12}")
	void onFetchPage(FetchPage command) {
		TmdbPage page;
		try {
			page = tmdb.fetchList(command.source(), command.filters(), command.tmdbPage(),
					() -> !cancellations.isCancelled(command.importId()));
		}
		catch (RequestAbandoned ex) {
			publisher.skipped(command);
			return;
		}
		catch (TmdbException ex) {
			publisher.failed(command, ex.getMessage());
			return;
		}
		publisher.fetched(command.importId(), page.renumbered(command.page()), Instant.now(), command.details());
	}

}
