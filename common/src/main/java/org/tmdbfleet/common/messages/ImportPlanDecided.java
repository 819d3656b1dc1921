package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * A planner decided the plan of one {@link ImportRequested} (planned or failed). On the compacted
 * {@code tmdb.control} topic, written in the same Kafka transaction as the plan's last event and
 * the consumed command's offset, so a planner that meets the command again (the gateway's outbox
 * relays at least once) knows it is done. Keyed apart from the import's {@link ImportCancelled},
 * which compaction must not drop.
 *
 * @param requestedAt the command's; the gateway's {@code retry} of a failed plan sends a later one
 */
public record ImportPlanDecided(int schemaVersion, UUID importId, Instant requestedAt) implements FleetMessage {

	public ImportPlanDecided(UUID importId, Instant requestedAt) {
		this(CURRENT_SCHEMA, importId, requestedAt);
	}

	@Override
	public String key() {
		return "planned:" + importId;
	}

}
