package org.tmdbfleet.gateway.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportRequested;

import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Records an import and publishes it; nothing else. Its latency is one insert plus one Kafka
 * acknowledgement, whatever the size of the import.
 */
@Service
class ImportService {

	private static final Log log = LogFactory.getLog(ImportService.class);

	/** The longest a request waits for Kafka before it answers 503. */
	private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

	private final ImportJobRepository jobs;

	private final ImportProgressRepository progress;

	private final KafkaTemplate<Object, Object> kafka;

	private final MeterRegistry registry;

	ImportService(ImportJobRepository jobs, ImportProgressRepository progress, KafkaTemplate<Object, Object> kafka,
			MeterRegistry registry) {
		this.jobs = jobs;
		this.progress = progress;
		this.kafka = kafka;
		this.registry = registry;
	}

	ImportView start(ImportRequest request) {
		ImportRequested command = new ImportRequested(UUID.randomUUID(), request.source(), request.maxPages(),
				request.filtersOrNone(), Instant.now());
		String params = FleetJson.MAPPER.writeValueAsString(
				Map.of("maxPages", Optional.ofNullable(request.maxPages()), "filters", command.filters()));
		ImportJob job = jobs.save(ImportJob.queued(command.importId(), request.source().wireName(), params,
				request.maxPages(), command.requestedAt()));
		publish(command);
		counter(request).increment();
		return ImportView.of(job, ImportProgressRepository.Counts.NONE);
	}

	@Transactional(readOnly = true)
	Optional<ImportView> find(UUID id) {
		return jobs.findById(id).map(job -> ImportView.of(job, progress.counts(id)));
	}

	private void publish(ImportRequested command) {
		try {
			kafka.send(Topics.IMPORTS, command.key(), command).get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.error("Import " + command.importId() + " recorded but not published: " + ex);
			progress.markFailed(command.importId(), "could not be queued: Kafka did not acknowledge in time");
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The import could not be queued; Kafka is unavailable. Retry later.");
		}
	}

	private Counter counter(ImportRequest request) {
		return Counter.builder("fleet.imports.requested")
			.description("Imports accepted by the API")
			.tag("source", request.source().wireName())
			.register(registry);
	}

}
