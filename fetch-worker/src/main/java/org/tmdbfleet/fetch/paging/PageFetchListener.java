package org.tmdbfleet.fetch.paging;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.CommandFailedException;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.fetch.FetchProperties;
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
 * client's retries is reported as failed, never dropped: the fleet's dead-letter recoverer puts
 * its command on {@code tmdb.pages.DLT} and tells its import, with TMDB's answer as the reason. A
 * page of a cancelled import is not started.
 */
@Component
class PageFetchListener {

	private static final Logger log = LoggerFactory.getLogger(PageFetchListener.class);

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final ImportControl cancellations;

	private final FetchProperties properties;

	private final Counter pagesFailed;

	PageFetchListener(TmdbClient tmdb, PagePublisher publisher, ImportControl cancellations,
			FetchProperties properties, MeterRegistry registry) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.cancellations = cancellations;
		this.properties = properties;
		this.pagesFailed = Counter.builder("fleet.pages.failed")
			.description("List pages that could not be fetched")
			.register(registry);
	}

	/** The listener's consumers, read by its annotation (public for SpEL). */
	public int concurrency() {
		return properties.concurrency();
	}

	/**
	 * The client id prefix is the same on every instance, so the consumers' member ids sort by
	 * their index first and Kafka's range assignor deals the partitions out across instances
	 * (consumer 0 of each instance, then consumer 1, ...): every instance gets its fair part,
	 * hence its share of the budget, instead of the first instance's consumers taking them all.
	 */
	@KafkaListener(id = "fetch-pages", clientIdPrefix = "fetch-pages", topics = Topics.PAGES,
			concurrency = "#{__listener.concurrency()}")
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
			log.warn("Import {} page {} failed: {}", command.importId(), command.page(), ex.getMessage());
			pagesFailed.increment();
			throw new CommandFailedException(ex.getMessage());
		}
		publisher.fetched(command.importId(), page.renumbered(command.page()), Instant.now(), command.details());
	}

}
