package org.tmdbfleet.fetch.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The imports cancelled so far, read from the compacted {@code tmdb.control} topic. Every fetch
 * worker reads the whole topic (assigned, not subscribed: no consumer group, no offsets), first
 * to its end at startup, then as it grows. Until the first read reached the end, asking about an
 * import waits: a worker that just started must not start a page of an import cancelled before.
 */
@Component
public class CancelledImports implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CancelledImports.class);

	/** How long a page waits for the startup read before its listener retries it. */
	private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(30);

	private final ConsumerFactory<Object, Object> consumers;

	private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private volatile Consumer<Object, Object> consumer;

	private volatile Thread reader;

	CancelledImports(ConsumerFactory<Object, Object> consumers, MeterRegistry registry) {
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
					log.warn("Reading " + Topics.CONTROL + " failed, retrying: " + ex);
					pause();
				}
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
	}

	private void poll(Consumer<Object, Object> control, Map<TopicPartition, Long> end) {
		for (ConsumerRecord<Object, Object> record : control.poll(Duration.ofMillis(500))) {
			if (record.value() instanceof ImportCancelled cancellation) {
				cancelled.add(cancellation.importId());
			}
		}
		if (caughtUp.getCount() > 0 && end.entrySet()
			.stream()
			.allMatch(partition -> control.position(partition.getKey()) >= partition.getValue())) {
			log.info("Read " + cancelled.size() + " cancelled imports from " + Topics.CONTROL);
			caughtUp.countDown();
		}
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
				log.warn("Waiting for " + Topics.CONTROL + ": " + ex.getMessage());
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
