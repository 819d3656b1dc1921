package org.tmdbfleet.gateway.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.gateway.web.PageView;
import org.tmdbfleet.gateway.web.Problems;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Records an import and publishes it; nothing else. Its latency is one insert plus one Kafka
 * acknowledgement, whatever the size of the import. With an idempotency key, a repeated request
 * gets the import the first one created, and nothing is published twice.
 */
@Service
class ImportService {

	private static final Log log = LogFactory.getLog(ImportService.class);

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

	private final ImportJobRepository jobs;

	private final ImportProgressRepository progress;

	private final CommandPublisher commands;

	private final StallWatch stalls;

	private final MeterRegistry registry;

	ImportService(ImportJobRepository jobs, ImportProgressRepository progress, CommandPublisher commands,
			StallWatch stalls, MeterRegistry registry) {
		this.jobs = jobs;
		this.progress = progress;
		this.commands = commands;
		this.stalls = stalls;
		this.registry = registry;
	}

	/** @param idempotencyKey the client's key for this request, or null */
	Started start(ImportRequest request, String idempotencyKey) {
		ImportRequested command = new ImportRequested(UUID.randomUUID(), request.source(), request.maxPages(),
				request.filtersOrNone(), Instant.now(), request.wantsDetails());
		String source = request.source().wireName();
		// the canonical form of the request: what a repeated request is compared with
		String params = new ImportParams(request.maxPages(), command.filters(), command.details()).json();
		Optional<ImportJob> earlier = (idempotencyKey != null) ? jobs.findByIdempotencyKey(idempotencyKey)
				: Optional.empty();
		if (earlier.isPresent()) {
			return replay(earlier.get(), source, params);
		}
		ImportJob job;
		try {
			job = jobs.saveAndFlush(ImportJob.queued(command.importId(), source, params, request.maxPages(),
					idempotencyKey, command.requestedAt()));
		}
		catch (DataIntegrityViolationException ex) {
			// a concurrent request with the same key inserted first; the unique constraint decided
			ImportJob winner = (idempotencyKey != null) ? jobs.findByIdempotencyKey(idempotencyKey).orElse(null) : null;
			if (winner == null) {
				throw ex;
			}
			return replay(winner, source, params);
		}
		publish(command);
		counter(request).increment();
		return new Started(ImportView.of(job, job.getStatus(), ImportProgressRepository.Counts.NONE), true);
	}

	@Transactional(readOnly = true)
	Optional<ImportView> find(UUID id) {
		return jobs.findById(id).map(this::view);
	}

	/** The import as it stands now, counts and derived status included. */
	ImportView view(ImportJob job) {
		return ImportView.of(job, stalls.now().statusOf(job), progress.counts(job.getId()));
	}

	@Transactional(readOnly = true)
	PageView<ImportSummary> list(ImportStatus status, ImportSource source, int page, int size) {
		StallWatch.Snapshot fleet = stalls.now();
		Specification<ImportJob> filter = fleet.withStatus(status).and(ImportJobRepository.fromSource(source));
		return PageView.of(jobs.findAll(filter, PageRequest.of(page, size, NEWEST_FIRST)),
				job -> ImportSummary.of(job, fleet.statusOf(job)));
	}

	private Started replay(ImportJob earlier, String source, String params) {
		boolean sameRequest = earlier.getSource().equals(source)
				&& FleetJson.MAPPER.readTree(earlier.getParams()).equals(FleetJson.MAPPER.readTree(params));
		if (!sameRequest) {
			throw Problems.of(HttpStatus.CONFLICT, "Idempotency key reused", ImportController.IDEMPOTENCY_KEY,
					"was already used for a different request body; send a new key for a new import");
		}
		return new Started(view(earlier), false);
	}

	private void publish(ImportRequested command) {
		if (!commands.publish(Topics.IMPORTS, List.of(command))) {
			log.error("Import " + command.importId() + " recorded but not published");
			progress.markUnpublished(command.importId(), "could not be queued: Kafka did not acknowledge in time");
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

	/**
	 * What a POST answers.
	 *
	 * @param created whether this request created the import, or repeated an earlier one
	 */
	record Started(ImportView view, boolean created) {
	}

}
