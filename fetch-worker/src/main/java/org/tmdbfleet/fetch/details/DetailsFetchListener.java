package org.tmdbfleet.fetch.details;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.fetch.control.ImportControl;
import org.tmdbfleet.fetch.paging.PagePublisher;
import org.tmdbfleet.fetch.tmdb.RequestAbandoned;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Fetches one movie's details per {@link FetchDetails}, within the same rate budget as the
 * pages. The details are the movie's event (a superset of the list data). A movie TMDB does not
 * know is recorded as not found; one whose details still fail after the client's retries goes
 * to {@code tmdb.details.DLT} and is recorded as failed, with the reason: never dropped.
 */
@Component
class DetailsFetchListener {

	private static final Logger log = LoggerFactory.getLogger(DetailsFetchListener.class);

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final ImportControl cancellations;

	private final Counter fetched;

	private final Counter notFound;

	private final Counter failed;

	DetailsFetchListener(TmdbClient tmdb, PagePublisher publisher, ImportControl cancellations,
			MeterRegistry registry) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.cancellations = cancellations;
		this.fetched = counter(registry, "fetched");
		this.notFound = counter(registry, "not_found");
		this.failed = counter(registry, "failed");
	}

	/** Dealt out across instances like the page fetchers (see {@code PageFetchListener}). */
	@KafkaListener(id = "fetch-details", clientIdPrefix = "fetch-details", topics = Topics.DETAILS,
			concurrency = "${fleet.fetch.concurrency:12}")
	void onFetchDetails(FetchDetails command) {
		JsonNode movie;
		try {
			movie = tmdb.fetchDetails(command.tmdbId(), () -> !cancellations.isCancelled(command.importId()));
		}
		catch (RequestAbandoned ex) {
			return;
		}
		catch (TmdbException ex) {
			// only TMDB's own "not found" deletes; any other 404 was retried and is a failure
			boolean unknown = ex.isTmdbNotFound();
			publisher.send(Topics.MOVIES,
					new MovieNotFetched(command.importId(), command.tmdbId(), unknown, ex.getMessage(), Instant.now()));
			if (unknown) {
				notFound.increment();
			}
			else {
				log.warn("Import {} movie {} failed: {}", command.importId(), command.tmdbId(), ex.getMessage());
				publisher.deadLetter(Topics.DETAILS, command, ex.getMessage());
				failed.increment();
			}
			return;
		}
		publisher.send(Topics.MOVIES,
				new MovieFetched(command.importId(), command.tmdbId(), Instant.now(), MovieFetched.Part.DETAILS, movie));
		fetched.increment();
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("fleet.details")
			.description("Movie details requested from TMDB, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

}
