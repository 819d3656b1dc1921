package org.tmdbfleet.gateway.imports;

import org.tmdbfleet.gateway.web.Conflict;

/** An idempotency key sent again with another request body: it names the import of the first. */
final class IdempotencyKeyReused extends Conflict {

	IdempotencyKeyReused() {
		super("Idempotency key reused", ImportController.IDEMPOTENCY_KEY,
				"was already used for a different request body; send a new key for a new import");
	}

}
