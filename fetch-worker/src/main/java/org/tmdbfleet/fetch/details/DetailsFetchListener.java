package org.tmdbfleet.fetch.details;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tmdbfleet.common.kafka.CommandFailedException;
import org.tmdbfleet.common.kafka.ConsumedRecords;
import org.tmdbfleet.common.kafka.PoisonRecordException;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.fetch.FetchProperties;
import org.tmdbfleet.fetch.control.ImportControl;
import org.tmdbfleet.fetch.paging.PagePublisher;
import org.tmdbfleet.fetch.tmdb.RequestAbandoned;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Fetches each movie's details per {@link FetchDetails}, within the same rate budget as the
 * pages. The details are the movie's event (a superset of the list data). A movie TMDB does not
 * know is recorded as not found; one whose details still fail after the client's retries goes
 * to {@code tmdb.details.DLT} and is recorded as failed, with the reason: never dropped.
 * <p>
 * The commands come in batches, one Kafka transaction each: a transaction per movie costs five
 * broker round trips and a marker, which a page of 20 movies pays once. A batch's movies are fetched at once, but no more TMDB requests are in flight
 * per instance than {@code fleet.fetch.concurrency}, as when each consumer fetched one movie.
 */
@Component
class DetailsFetchListener {

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final ImportControl cancellations;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final FetchProperties properties;

	private final Semaphore inFlight;

	private final Counter fetched;

	private final Counter notFound;

	private final Counter failed;

	DetailsFetchListener(TmdbClient tmdb, PagePublisher publisher, ImportControl cancellations,
			DeadLetterPublishingRecoverer deadLetters, FetchProperties properties, MeterRegistry registry) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.cancellations = cancellations;
		this.deadLetters = deadLetters;
		this.properties = properties;
		this.inFlight = new Semaphore(properties.concurrency(), true);
		this.fetched = counter(registry, "fetched");
		this.notFound = counter(registry, "not_found");
		this.failed = counter(registry, "failed");
	}

	/** The listener's consumers, read by its annotation (public for SpEL). */
	public int concurrency() {
		return properties.concurrency();
	}

	/** The most commands in a batch, read by its annotation (public for SpEL). */
	public int batch() {
		return properties.detailsBatch();
	}

	/** Dealt out across instances like the page fetchers (see {@code PageFetchListener}). */
	@KafkaListener(id = "fetch-details", clientIdPrefix = "fetch-details", topics = Topics.DETAILS, batch = "true",
			concurrency = "#{__listener.concurrency()}", properties = "max.poll.records=#{__listener.batch()}")
	void onFetchDetails(List<ConsumerRecord<String, FleetMessage>> records) throws InterruptedException {
		List<Future<Outcome>> outcomes = new ArrayList<>(records.size());
		try (ExecutorService fetches = Executors.newVirtualThreadPerTaskExecutor()) {
			for (ConsumerRecord<String, FleetMessage> record : records) {
				outcomes.add(fetches.submit(() -> fetch(record)));
			}
		}
		// published in the batch's order, in the listener's transaction with the batch's offsets
		for (Future<Outcome> outcome : outcomes) {
			try {
				outcome.get().publish();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A details fetch failed outside its own handling", ex.getCause());
			}
		}
	}

	private Outcome fetch(ConsumerRecord<String, FleetMessage> record) throws InterruptedException {
		FetchDetails command;
		try {
			if (!(ConsumedRecords.messageOf(record) instanceof FetchDetails details)) {
				throw ConsumedRecords.unexpected(record);
			}
			command = details;
		}
		catch (PoisonRecordException ex) {
			return () -> ConsumedRecords.deadLetter(deadLetters, record, ex);
		}
		JsonNode movie;
		inFlight.acquire();
		try {
			movie = tmdb.fetchDetails(command.tmdbId(), () -> !cancellations.isCancelled(command.importId()));
		}
		catch (RequestAbandoned ex) {
			return () -> {
			};
		}
		catch (TmdbException ex) {
			return ex.isTmdbNotFound() ? () -> notFound(command, ex.getMessage())
					: () -> failed(record, ex.getMessage());
		}
		catch (RuntimeException ex) {
			// an answer the client could not make sense of is this movie's failure, not its batch's
			return () -> failed(record, ex.toString());
		}
		finally {
			inFlight.release();
		}
		return () -> {
			publisher.send(Topics.MOVIES, new MovieFetched(command.importId(), command.tmdbId(), Instant.now(),
					MovieFetched.Part.DETAILS, movie));
			fetched.increment();
		};
	}

	/** TMDB's own "not found": the movie is deleted, if nothing newer found it. */
	private void notFound(FetchDetails command, String reason) {
		publisher.send(Topics.MOVIES, new MovieNotFetched(command.importId(), command.tmdbId(), true, reason,
				Instant.now()));
		notFound.increment();
	}

	/**
	 * Any other failure was retried by the client and is the movie's failure: the fleet's
	 * dead-letter recoverer puts its command on {@code tmdb.details.DLT} and tells its import.
	 */
	private void failed(ConsumerRecord<String, FleetMessage> record, String reason) {
		ConsumedRecords.deadLetter(deadLetters, record, new CommandFailedException(reason));
		failed.increment();
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("fleet.details")
			.description("Movie details requested from TMDB, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	/** What a fetch leads to, published once the whole batch is fetched. */
	@FunctionalInterface
	private interface Outcome {

		void publish();

	}

}
