package org.tmdbfleet.fetch.planning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.PoisonRecordException;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.DetailsRequested;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportPlanDecided;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.fetch.FetchProperties;
import org.tmdbfleet.fetch.control.ImportControl;
import org.tmdbfleet.fetch.paging.PagePublisher;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Plans each import once: drops the outbox's duplicates, refuses impossible dates, hands the
 * import to the plan of its kind ({@link Plans}) and completes what that plan decided in the listener's transaction, with the consumed offset: {@link ReferenceData} and the
 * plan's {@link ImportPlanned}, or the import's {@link ImportFailed} with the reason. A plan may
 * send windows or pages in transactions of their own while it is made; a crash plans the import
 * again, and what was sent twice is counted once. Kafka refusing a send is not the import's
 * fault: it propagates, and the command is consumed again.
 */
@Component
class ImportPlanner {

	private static final Logger log = LoggerFactory.getLogger(ImportPlanner.class);

	private final PagePublisher publisher;

	private final ImportControl control;

	private final ReferenceData reference;

	private final Plans plans;

	private final FetchProperties properties;

	/** Plans this instance decided, by import: the latest command's request time and record. */
	private final Map<UUID, Decision> decidedHere = new ConcurrentHashMap<>();

	ImportPlanner(PagePublisher publisher, ImportControl control, ReferenceData reference, Plans plans,
			FetchProperties properties) {
		this.publisher = publisher;
		this.control = control;
		this.reference = reference;
		this.plans = plans;
		this.properties = properties;
	}

	/** The listener's consumers, read by its annotation (public for SpEL). */
	public int concurrency() {
		return properties.plannerConcurrency();
	}

	@KafkaListener(id = "fetch-planner", topics = Topics.IMPORTS, concurrency = "#{__listener.concurrency()}")
	void onCommand(FleetMessage command, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
			@Header(KafkaHeaders.OFFSET) long offset) {
		switch (command) {
			case ImportRequested request -> onImportRequested(request, new CommandRecord(partition, offset));
			case DetailsRequested details -> onDetailsRequested(details);
			default -> throw new PoisonRecordException("not a command for the planner: " + command.getClass().getSimpleName());
		}
	}

	private void onImportRequested(ImportRequested request, CommandRecord record) {
		if (control.isCancelled(request.importId())) {
			log.info("Import {} was cancelled before it was planned", request.importId());
			return;
		}
		if (decidedHere(request, record) || control.isPlanDecided(request.importId(), request.requestedAt())) {
			// the outbox relays at least once: planning again would fetch every page twice, and a
			// failure of the second plan would end an import that is running
			log.info("Import {} was planned already for its request of {}: nothing to do", request.importId(),
					request.requestedAt());
			return;
		}
		plan(request);
		// in the listener's transaction, with ImportPlanned or ImportFailed and the command's offset
		publisher.send(Topics.CONTROL, new ImportPlanDecided(request.importId(), request.requestedAt()));
		decidedHere.put(request.importId(), new Decision(request.requestedAt(), record));
	}

	private void plan(ImportRequested request) {
		String refused = RequestedDates.refusal(request.filters()).orElse(null);
		if (refused != null) {
			fail(request, List.of(), refused);
			return;
		}
		List<FleetMessage> referenceData = (request.source() == ImportSource.CHANGES) ? List.of() : reference.fetch();
		switch (plans.plan(request)) {
			case PlanOutcome.Made made -> {
				publish(referenceData);
				made.publish().run();
			}
			case PlanOutcome.Failed failed -> fail(request, referenceData, failed.reason());
			case PlanOutcome.Cancelled cancelled ->
				log.info("Import {} was cancelled while it was planned", request.importId());
		}
	}

	private void fail(ImportRequested request, List<FleetMessage> referenceData, String why) {
		String reason = "planning failed: " + why;
		log.warn("Import {} cannot start, {}", request.importId(), reason);
		publish(referenceData);
		publisher.send(Topics.PROGRESS, new ImportFailed(request.importId(), reason));
	}

	private void publish(List<FleetMessage> referenceData) {
		referenceData.forEach(message -> publisher.send(Topics.MOVIES, message));
	}

	/*
	 * The marker on tmdb.control is what every instance goes by, but a read_committed reader sees no
	 * further than the oldest open transaction on that partition: another planner's, still open,
	 * could hide this instance's marker from the duplicate that follows its command. So the planner
	 * also remembers what it decided. Remembered before its transaction commits, the decision is
	 * kept apart from its own record: a redelivery of that record (the transaction aborted) is
	 * planned again, while any later record of the same request comes only after it committed.
	 */
	private boolean decidedHere(ImportRequested request, CommandRecord record) {
		Decision decision = decidedHere.get(request.importId());
		return decision != null && !decision.record().equals(record) && request.requestedAt() != null
				&& !request.requestedAt().isAfter(decision.requestedAt());
	}

	/** The gateway's sweep of a catalog import: each id to its details, in the listener's transaction. */
	private void onDetailsRequested(DetailsRequested details) {
		if (control.isCancelled(details.importId())) {
			return;
		}
		details.movieIds().forEach(id -> publisher.send(Topics.DETAILS, new FetchDetails(details.importId(), id)));
	}

	/** Where a command was read: its partition of {@code tmdb.imports} and its offset. */
	private record CommandRecord(int partition, long offset) {
	}

	private record Decision(Instant requestedAt, CommandRecord record) {
	}

}
