package org.tmdbfleet.persist.movies;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tmdbfleet.common.kafka.ConsumedRecords;
import org.tmdbfleet.common.kafka.PoisonRecordException;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImageConfigurationFetched;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.common.messages.MoviesPersisted;
import org.tmdbfleet.persist.movies.MovieBatchWriter.Rejected;
import org.tmdbfleet.persist.movies.MovieBatchWriter.Written;

import org.springframework.dao.DataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Persists {@code tmdb.movies} a batch at a time: unreadable records to the DLT (a movie's counted
 * as its import's failed movie), the rest written
 * by {@link MovieBatchWriter} in one transaction; records PostgreSQL rejected go to the DLT after
 * the commit (their movies counted as failed), then a {@link MoviesPersisted} per import triggers
 * the gateway. Offsets are committed only after this method returns, that is after the database
 * commit and the DLT and progress records were acknowledged.
 */
@Component
class MovieBatchListener {

	private final MovieRepository movies;

	private final MovieBatchWriter writer;

	private final KafkaTemplate<Object, Object> kafka;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final PersistProperties properties;

	private final Counter upserted;

	private final DistributionSummary batchSize;

	private final Timer batchDuration;

	MovieBatchListener(MovieRepository movies, MovieBatchWriter writer, KafkaTemplate<Object, Object> kafka,
			DeadLetterPublishingRecoverer deadLetters, PersistProperties properties, MeterRegistry registry) {
		this.movies = movies;
		this.writer = writer;
		this.kafka = kafka;
		this.deadLetters = deadLetters;
		this.properties = properties;
		this.upserted = Counter.builder("fleet.movies.upserted")
			.description("Movie rows inserted or changed in the database")
			.register(registry);
		this.batchSize = DistributionSummary.builder("fleet.persist.batch.size")
			.description("Records in one persist batch")
			.register(registry);
		this.batchDuration = Timer.builder("fleet.persist.batch.duration")
			.description("Time to persist one batch, database commit included")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(1))
			.register(registry);
	}

	/** The listener's consumers, read by its annotation (public for SpEL). */
	public int concurrency() {
		return properties.concurrency();
	}

	@KafkaListener(id = "persist-movies", topics = Topics.MOVIES, batch = "true",
			concurrency = "#{__listener.concurrency()}")
	void onMovies(List<ConsumerRecord<String, FleetMessage>> records) {
		batchSize.record(records.size());
		batchDuration.record(() -> persist(records));
	}

	private void persist(List<ConsumerRecord<String, FleetMessage>> records) {
		List<FetchedMovie> fetched = new ArrayList<>();
		List<ImportItem> notFetched = new ArrayList<>();
		List<NotFound> notFound = new ArrayList<>();
		ConsumerRecord<String, FleetMessage> genres = null;
		ConsumerRecord<String, FleetMessage> images = null;
		Instant read = Instant.now();
		for (ConsumerRecord<String, FleetMessage> record : records) {
			try {
				switch (ConsumedRecords.messageOf(record)) {
					case MovieFetched event -> fetched.add(readable(event, record, notFetched));
					case MovieNotFetched missing -> {
						notFetched.add(ImportItem.of(missing));
						if (missing.notFound()) {
							notFound.add(new NotFound(missing.tmdbId(),
									(missing.fetchedAt() != null) ? missing.fetchedAt() : read));
						}
					}
					case GenresFetched list -> genres = record;
					case ImageConfigurationFetched configuration -> images = record;
					default -> throw ConsumedRecords.unexpected(record);
				}
			}
			catch (PoisonRecordException ex) {
				ConsumedRecords.deadLetter(deadLetters, record, ex);
			}
		}
		if (genres != null) {
			GenresFetched list = (GenresFetched) genres.value();
			saveAlone(genres, () -> movies.saveGenres(list.genres()));
		}
		if (images != null) {
			ImageConfigurationFetched configuration = (ImageConfigurationFetched) images.value();
			saveAlone(images, () -> movies.saveImageConfiguration(configuration));
		}
		if (fetched.isEmpty() && notFetched.isEmpty()) {
			return;
		}
		Written written = writer.write(fetched, notFetched, newerThanFetches(notFound, fetched));
		upserted.increment(written.upserted());
		for (Rejected rejected : written.rejected()) {
			ConsumedRecords.deadLetter(deadLetters, rejected.movie().record(),
					new PoisonRecordException(rejected.reason(), rejected.failure()));
		}
		announce(written.items());
	}

	/*
	 * A movie record that cannot become a row is still its import's movie: dead-lettered alone for
	 * operators, and counted as failed with the reason, so the import can end and a retry fetches
	 * the movie again (a blank 200 {} from TMDB or a proxy must not leave an import RUNNING).
	 */
	private static FetchedMovie readable(MovieFetched event, ConsumerRecord<?, ?> record, List<ImportItem> notFetched) {
		try {
			return FetchedMovie.of(record, event);
		}
		catch (PoisonRecordException ex) {
			if (event.importId() != null) {
				notFetched.add(ImportItem.failed(event.importId(), event.tmdbId(), ex.getMessage()));
			}
			throw ex;
		}
	}

	/*
	 * The genre list and the image configuration are no movie's: one PostgreSQL refuses for what it
	 * holds (a genre id twice, a NUL) goes to the DLT alone and the batch's movies go on, instead
	 * of the whole batch being retried and dead-lettered.
	 */
	private void saveAlone(ConsumerRecord<?, ?> record, Runnable save) {
		try {
			save.run();
		}
		catch (DataAccessException ex) {
			SQLException refused = MovieBatchWriter.dataError(ex);
			if (refused == null) {
				throw ex;
			}
			ConsumedRecords.deadLetter(deadLetters, record, new PoisonRecordException(Rejected.reasonOf(refused), ex));
		}
	}

	/**
	 * TMDB's newest "not found" of each movie, unless the batch also holds a newer fetch of it:
	 * inside a batch, fetch time decides, not record order.
	 */
	private static List<NotFound> newerThanFetches(List<NotFound> answers, List<FetchedMovie> fetched) {
		Map<Long, Instant> newestFetch = new HashMap<>();
		fetched.forEach(movie -> newestFetch.merge(movie.tmdbId(), movie.row().fetchedAt(),
				(a, b) -> a.isAfter(b) ? a : b));
		Map<Long, NotFound> newest = new HashMap<>();
		answers.forEach(answer -> newest.merge(answer.tmdbId(), answer,
				(a, b) -> a.answeredAt().isAfter(b.answeredAt()) ? a : b));
		return newest.values()
			.stream()
			.filter(answer -> !newestFetch.containsKey(answer.tmdbId())
					|| answer.answeredAt().isAfter(newestFetch.get(answer.tmdbId())))
			.toList();
	}

	private void announce(Collection<ImportItem> items) {
		Map<UUID, Integer> perImport = new LinkedHashMap<>();
		items.forEach(item -> perImport.merge(item.importId(), 1, Integer::sum));
		List<CompletableFuture<?>> sent = new ArrayList<>();
		perImport.forEach((importId, count) -> {
			MoviesPersisted event = new MoviesPersisted(importId, count);
			sent.add(kafka.send(Topics.PROGRESS, event.key(), event));
		});
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
	}

}
