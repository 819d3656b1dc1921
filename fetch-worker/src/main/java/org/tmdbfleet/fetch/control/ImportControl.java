package org.tmdbfleet.fetch.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportCancelled;
import org.tmdbfleet.common.messages.ImportPlanDecided;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The imports cancelled so far, and the plans decided, read from the compacted {@code
 * tmdb.control} topic. Every fetch worker reads the whole topic (assigned, not subscribed: no
 * consumer group, no offsets), first to its end at startup, then as it grows. Until the first read
 * reached the end, asking about an import waits: a worker that just started must not start a page
 * of an import cancelled before. Asking whether a plan was decided waits until the reader reached
 * the topic's end as it is when asked, so a marker committed before is always seen.
 */
@Component
public class ImportControl implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImportControl.class);

	/** How long a page waits for the startup read before its listener retries it. */
	private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(30);

	/** Also the longest a planner waits before its question about a decided plan is taken up. */
	private static final Duration POLL = Duration.ofMillis(100);

	private final ConsumerFactory<Object, Object> consumers;

	private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	/** The latest {@code requestedAt} whose plan was decided, by import. */
	private final Map<UUID, Instant> decided = new ConcurrentHashMap<>();

	/** Callers waiting for the reader to reach the topic's end as it was when they asked. */
	private final Queue<CompletableFuture<Void>> readToEnd = new ConcurrentLinkedQueue<>();

	/** The reader's own: ends it must reach, each with the callers waiting for it. */
	private final List<Pending> pending = new ArrayList<>();

	private volatile Consumer<Object, Object> consumer;

	private volatile Thread reader;

	ImportControl(ConsumerFactory<Object, Object> consumers, MeterRegistry registry) {
		this.consumers = consumers;
		Gauge.builder("fleet.imports.cancelled", cancelled, Set::size)
			.description("Cancelled imports this fetch worker knows of")
			.register(registry);
	}

	/**
	 * Whether the import was cancelled, as far as this worker has read.
	 * @throws TimeoutException while the startup read has not reached the end of the topic (a
	 * retriable Kafka error: the listener retries the record, it never skips it)
	 */
	public boolean isCancelled(UUID importId) {
		try {
			if (!caughtUp.await(CATCH_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new TimeoutException("Cancellations not read yet from " + Topics.CONTROL);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TimeoutException("Interrupted while waiting for " + Topics.CONTROL);
		}
		return cancelled.contains(importId);
	}

	/**
	 * Whether the plan of the import's command of {@code requestedAt} (or of a later one) was
	 * decided already: its marker was committed with the plan's last transaction. Waits until
	 * the reader reached the topic's end as it is now.
	 * @throws TimeoutException when the reader does not get there in time (a retriable Kafka
	 * error: the listener retries the record, it never skips it)
	 */
	public boolean isPlanDecided(UUID importId, Instant requestedAt) {
		CompletableFuture<Void> read = new CompletableFuture<>();
		readToEnd.add(read);
		try {
			read.get(CATCH_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException | ExecutionException ex) {
			throw new TimeoutException("Plans decided not read to the end of " + Topics.CONTROL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TimeoutException("Interrupted while waiting for " + Topics.CONTROL);
		}
		Instant latest = decided.get(importId);
		return latest != null && !orMin(requestedAt).isAfter(latest);
	}

	@Override
	public void start() {
		consumer = consumers.createConsumer(null, "fetch-control", null);
		reader = Thread.ofPlatform().name("fetch-control").daemon().start(this::read);
	}

	@Override
	public void stop() {
		Thread thread = reader;
		if (thread != null) {
			consumer.wakeup();
			try {
				thread.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			reader = null;
		}
	}

	@Override
	public boolean isRunning() {
		return reader != null;
	}

	/** Before the listener containers: they ask this from their first record on. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private void read() {
		try (Consumer<Object, Object> control = consumer) {
			List<TopicPartition> partitions = partitions(control);
			control.assign(partitions);
			control.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = control.endOffsets(partitions);
			while (true) {
				try {
					poll(control, end);
				}
				catch (WakeupException ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					// the consumer rides out broker outages itself; anything else is retried, never fatal
					log.warn("Reading {} failed, retrying: {}", Topics.CONTROL, ex.toString());
					pause();
				}
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
	}

	private void poll(Consumer<Object, Object> control, Map<TopicPartition, Long> end) {
		for (ConsumerRecord<Object, Object> record : control.poll(POLL)) {
			if (record.value() instanceof ImportCancelled cancellation) {
				cancelled.add(cancellation.importId());
			}
			else if (record.value() instanceof ImportPlanDecided plan) {
				decided.merge(plan.importId(), orMin(plan.requestedAt()), (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		answerReadsToEnd(control, end.keySet());
		if (caughtUp.getCount() > 0 && end.entrySet()
			.stream()
			.allMatch(partition -> control.position(partition.getKey()) >= partition.getValue())) {
			log.info("Read {} cancelled imports from {}", cancelled.size(), Topics.CONTROL);
			caughtUp.countDown();
		}
	}

	/**
	 * Takes the end offsets once for everyone who asked since the last poll (read_committed: the
	 * last stable offsets, past every committed transaction), and answers those whose end is reached.
	 */
	private void answerReadsToEnd(Consumer<Object, Object> control, Set<TopicPartition> partitions) {
		List<CompletableFuture<Void>> asked = new ArrayList<>();
		for (CompletableFuture<Void> read = readToEnd.poll(); read != null; read = readToEnd.poll()) {
			asked.add(read);
		}
		if (!asked.isEmpty()) {
			try {
				pending.add(new Pending(control.endOffsets(partitions), asked));
			}
			catch (RuntimeException ex) {
				readToEnd.addAll(asked); // asked again after the reader's pause
				throw ex;
			}
		}
		pending.removeIf(ends -> {
			if (!ends.end.entrySet().stream().allMatch(partition -> control.position(partition.getKey()) >= partition.getValue())) {
				return false;
			}
			ends.waiting.forEach(read -> read.complete(null));
			return true;
		});
	}

	private static Instant orMin(Instant requestedAt) {
		return (requestedAt != null) ? requestedAt : Instant.MIN;
	}

	private record Pending(Map<TopicPartition, Long> end, List<CompletableFuture<Void>> waiting) {
	}

	/** Waits for the topic: the admin creates it at startup, perhaps while the broker is still coming up. */
	private static List<TopicPartition> partitions(Consumer<Object, Object> control) {
		while (true) {
			try {
				var infos = control.partitionsFor(Topics.CONTROL, Duration.ofSeconds(10));
				if (infos != null && !infos.isEmpty()) {
					return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
				}
			}
			catch (TimeoutException ex) {
				log.warn("Waiting for {}: {}", Topics.CONTROL, ex.getMessage());
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WakeupException();
		}
	}

}
