package org.tmdbfleet.gateway.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.FleetMessage;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka in the order it was written, and deletes what Kafka acknowledged.
 * It runs as soon as a command commits and every {@code relay-interval} besides (for what another
 * gateway left, or what Kafka refused). Rows are taken with {@code for update skip locked}, so any
 * number of gateways relay together and never the same row; a relay waits for Kafka's verdict on
 * every record it sent before it lets go of the rows, so a record still in flight is never sent
 * a second time. A gateway that dies after Kafka acknowledged and before the delete leaves rows
 * that are sent again: a command may be published twice, never lost (the fleet's counts are
 * exact under duplicates).
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Rows relayed in one transaction. */
	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final KafkaTemplate<Object, Object> kafka;

	private final TransactionTemplate transactions;

	private final OutboxProperties properties;

	private final Semaphore signal = new Semaphore(0);

	private final Counter published;

	private volatile Thread worker;

	OutboxRelay(JdbcClient jdbc, KafkaTemplate<Object, Object> kafka, TransactionTemplate transactions,
			OutboxProperties properties, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.transactions = transactions;
		this.properties = properties;
		this.published = Counter.builder("fleet.outbox.published")
			.description("Commands relayed from the gateway's outbox to Kafka")
			.register(registry);
		Gauge.builder("fleet.outbox.pending", this::pending)
			.description("Commands recorded and not yet acknowledged by Kafka (every gateway reports the same)")
			.register(registry);
	}

	/** Something was written: relay it now rather than at the next interval. */
	void wakeUp() {
		signal.release();
	}

	/**
	 * Relays one batch.
	 * @return how many records Kafka acknowledged
	 */
	int relay() {
		Integer relayed = transactions.execute(status -> {
			List<Row> rows = jdbc.sql("""
					select id, topic, record_key, message from outbox order by id limit :batch for update skip locked
					""").param("batch", BATCH).query(Row.class).list();
			List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
			for (Row row : rows) {
				FleetMessage message = FleetJson.MAPPER.readValue(row.message(), FleetMessage.class);
				sends.add(send(row.topic(), row.recordKey(), message));
			}
			List<Long> acknowledged = new ArrayList<>(rows.size());
			for (int i = 0; i < rows.size(); i++) {
				if (acknowledged(sends.get(i), rows.get(i))) {
					acknowledged.add(rows.get(i).id());
				}
			}
			if (!acknowledged.isEmpty()) {
				jdbc.sql("delete from outbox where id = any(:ids)")
					.param("ids", acknowledged.toArray(Long[]::new))
					.update();
			}
			return acknowledged.size();
		});
		int count = (relayed == null) ? 0 : relayed;
		published.increment(count);
		return count;
	}

	private CompletableFuture<?> send(String topic, String key, FleetMessage message) {
		try {
			return kafka.send(topic, key, message);
		}
		catch (RuntimeException ex) {
			// no metadata within max.block.ms: Kafka is unreachable
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** Waits for Kafka's verdict, however long the producer's delivery timeout lets it take. */
	private boolean acknowledged(CompletableFuture<?> send, Row row) {
		try {
			send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			log.warn("Outbox record {} to {} not acknowledged, kept for the next relay: {}", row.id(), row.topic(),
					ex.toString());
			return false;
		}
	}

	private long pending() {
		try {
			return jdbc.sql("select count(*) from outbox").query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private void run() {
		while (worker == Thread.currentThread()) {
			try {
				int relayed = relay();
				if (relayed < BATCH) {
					signal.tryAcquire(properties.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
					signal.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Outbox not relayed, next try in {}: {}", properties.relayInterval(), ex.toString());
				try {
					Thread.sleep(properties.relayInterval());
				}
				catch (InterruptedException stop) {
					return;
				}
			}
		}
	}

	@Override
	public synchronized void start() {
		// assigned before it starts: the loop runs while it is the worker, so a relay stopped and
		// started again (a test context paused and resumed) cannot lose the race and stop for good
		Thread thread = Thread.ofPlatform().name("outbox-relay").daemon().unstarted(this::run);
		worker = thread;
		thread.start();
	}

	/**
	 * Lets the batch in hand finish (the records sent are acknowledged and deleted, not sent again
	 * by the next relay), then stops.
	 */
	@Override
	public synchronized void stop() {
		Thread running = worker;
		worker = null;
		if (running != null) {
			signal.release();
			try {
				running.join(properties.sendTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}

	private record Row(long id, String topic, String recordKey, String message) {
	}

}
