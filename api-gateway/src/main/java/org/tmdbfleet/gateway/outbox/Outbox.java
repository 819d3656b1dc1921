package org.tmdbfleet.gateway.outbox;

import java.util.List;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.FleetMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Commands for Kafka, written in the caller's database transaction: they become durable exactly
 * when the change that asks for them commits, and the {@link OutboxRelay} publishes them then.
 */
@Repository
public class Outbox {

	private final JdbcClient jdbc;

	private final OutboxRelay relay;

	Outbox(JdbcClient jdbc, OutboxRelay relay) {
		this.jdbc = jdbc;
		this.relay = relay;
	}

	public void append(String topic, List<? extends FleetMessage> messages) {
		if (messages.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into outbox (topic, record_key, message)
				select :topic, m.record_key, m.message
				from unnest(cast(:keys as text[]), cast(:messages as text[])) with ordinality as m(record_key, message, n)
				order by m.n
				""")
			.param("topic", topic)
			.param("keys", messages.stream().map(FleetMessage::key).toArray(String[]::new))
			.param("messages", messages.stream().map(FleetJson.MAPPER::writeValueAsString).toArray(String[]::new))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					relay.wakeUp();
				}
			});
		}
		else {
			relay.wakeUp();
		}
	}

}
