package org.tmdbfleet.fetch.paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.fetch.ratelimit.PartitionShare;
import org.tmdbfleet.fetch.tmdb.TmdbPage;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a fetched page into events: one {@link MovieFetched} per movie, then the page's
 * {@link PageFetched}. Called inside the listener's Kafka transaction, so either all of a
 * page's events become visible together with the consumed offset, or none do.
 */
@Component
public class PagePublisher {

	private static final Logger log = LoggerFactory.getLogger(PagePublisher.class);

	private final KafkaTemplate<Object, Object> kafka;

	private final Counter pagesFetched;

	private final Counter pagesCancelled;

	private final PartitionShare share;

	PagePublisher(KafkaTemplate<Object, Object> kafka, PartitionShare share, MeterRegistry registry) {
		this.kafka = kafka;
		this.share = share;
		this.pagesFetched = Counter.builder("fleet.pages.fetched")
			.description("List pages fetched from TMDB and published")
			.register(registry);
		this.pagesCancelled = Counter.builder("fleet.pages.skipped")
			.description("List pages not fetched because their import was cancelled")
			.tag("reason", "cancelled")
			.register(registry);
	}

	/**
	 * @param details whether the import wants each movie's details: then the page's movies go to
	 * {@code tmdb.details} as commands, and their details become the movies' events
	 */
	public void fetched(UUID importId, TmdbPage page, Instant fetchedAt, boolean details) {
		List<Long> ids = new ArrayList<>(page.results().size());
		for (JsonNode movie : page.results()) {
			JsonNode id = movie.path("id");
			if (!id.isIntegralNumber()) {
				log.warn("Import {} page {}: skipped a result without a numeric id", importId, page.page());
				continue;
			}
			ids.add(id.asLong());
			if (details) {
				send(Topics.DETAILS, new FetchDetails(importId, id.asLong()));
			}
			else {
				send(Topics.MOVIES, new MovieFetched(importId, id.asLong(), fetchedAt, MovieFetched.Part.LIST, movie));
			}
		}
		send(Topics.PROGRESS, new PageFetched(importId, page.page(), ids));
		pagesFetched.increment();
	}

	public void skipped(FetchPage command) {
		log.debug("Import {} page {} skipped: the import was cancelled", command.importId(), command.page());
		pagesCancelled.increment();
	}

	/**
	 * Deals an import's page commands out over {@code tmdb.pages}' partitions in turn instead of
	 * by the hash of their keys: every partition gets as many (±1), so the fetch workers, each
	 * paced at the share of the budget its partitions give it, run out of pages together. By hash,
	 * partitions differ by many pages, and the import's end runs far below the budget while the
	 * fullest partitions drain.
	 */
	public Dealer dealer(UUID importId) {
		return new Dealer(importId.hashCode(), kafka.partitionsFor(Topics.PAGES).size());
	}

	/**
	 * Runs {@code sends} in a Kafka transaction of its own, committed when they return, apart
	 * from any transaction the calling listener is in.
	 */
	public void inOwnTransaction(Runnable sends) {
		kafka.executeInTransaction(operations -> {
			sends.run();
			return null;
		});
	}

	public void send(String topic, FleetMessage message) {
		kafka.send(topic, message.key(), message);
	}

	/** One import's page commands, each to the partition {@link PartitionTurns} says is next. */
	public final class Dealer {

		private final PartitionTurns turns;

		private Dealer(int first, int partitions) {
			this.turns = new PartitionTurns(first, partitions, share);
		}

		/** This instance made a TMDB request for the import that is not one of the pages dealt. */
		public void spent() {
			turns.spent();
		}

		public void deal(FetchPage command) {
			kafka.send(Topics.PAGES, turns.next(), command.key(), command);
		}

	}

}
