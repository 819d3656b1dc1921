package org.tmdbfleet.gateway.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.gateway.imports.ImportCommandRepository.Keyed;
import org.tmdbfleet.gateway.outbox.Outbox;
import org.tmdbfleet.gateway.tracking.ImportQueries;
import org.tmdbfleet.gateway.tracking.ImportView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an import together with its command, in one database transaction; nothing else. Its
 * latency is that transaction, whatever the size of the import and whether Kafka is up: the
 * {@link Outbox}'s relay publishes the command. With an idempotency key, a repeated request gets
 * the import the first one created, and nothing is recorded twice.
 */
@Service
public class ImportService {

	private final ImportCommandRepository imports;

	private final Outbox outbox;

	private final ImportQueries queries;

	private final TransactionTemplate transactions;

	private final MeterRegistry registry;

	private final SyncDefaults defaults;

	private final Clock clock;

	ImportService(ImportCommandRepository imports, Outbox outbox, ImportQueries queries,
			TransactionTemplate transactions, MeterRegistry registry, SyncDefaults defaults, Clock clock) {
		this.defaults = defaults;
		this.clock = clock;
		this.imports = imports;
		this.outbox = outbox;
		this.queries = queries;
		this.transactions = transactions;
		this.registry = registry;
	}

	/** @param idempotencyKey the client's key for this request, or null */
	Started start(ImportRequest request, String idempotencyKey) {
		Recorded recorded = transactions.execute(status -> record(request, idempotencyKey));
		return new Started(queries.find(recorded.id()).orElseThrow(), recorded.created());
	}

	/**
	 * Records an import in the caller's transaction, as a schedule starts one.
	 * @param request a request {@link ImportRequest#checked() checked} already
	 * @return the import's id
	 */
	public UUID startInTransaction(ImportRequest request) {
		return record(request, null).id();
	}

	private Recorded record(ImportRequest asked, String idempotencyKey) {
		SyncDefaults.Resolved resolved = defaults.resolve(asked, LocalDate.now(clock));
		ImportRequest request = resolved.request();
		ImportRequested command = new ImportRequested(UUID.randomUUID(), request.source(), request.maxPages(),
				request.filtersOrNone(), Instant.now(), request.wantsDetails());
		String source = request.source().wireName();
		// the canonical form of the request: what a repeated request is compared with
		String params = new ImportParams(request.maxPages(), command.filters(), command.details()).json();
		if (idempotencyKey != null) {
			var earlier = imports.findByIdempotencyKey(idempotencyKey);
			if (earlier.isPresent()) {
				return replay(earlier.get(), source, params);
			}
		}
		if (!imports.insertQueued(command.importId(), source, params, request.maxPages(), idempotencyKey,
				resolved.note())) {
			// a concurrent request with the same key inserted first; the unique constraint decided
			return replay(imports.findByIdempotencyKey(idempotencyKey).orElseThrow(), source, params);
		}
		outbox.append(Topics.IMPORTS, List.of(command));
		counter(source).increment();
		return new Recorded(command.importId(), true);
	}

	private static Recorded replay(Keyed earlier, String source, String params) {
		boolean sameRequest = earlier.source().equals(source)
				&& FleetJson.MAPPER.readTree(earlier.params()).equals(FleetJson.MAPPER.readTree(params));
		if (!sameRequest) {
			throw new IdempotencyKeyReused();
		}
		return new Recorded(earlier.id(), false);
	}

	private Counter counter(String source) {
		return Counter.builder("fleet.imports.requested")
			.description("Imports accepted by the API")
			.tag("source", source)
			.register(registry);
	}

	private record Recorded(UUID id, boolean created) {
	}

	/**
	 * What a POST answers.
	 *
	 * @param created whether this request created the import, or repeated an earlier one
	 */
	record Started(ImportView view, boolean created) {
	}

}
