package org.tmdbfleet.gateway.imports;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.ImportFilters;

/**
 * What an import was asked for beyond its source, as {@code import_jobs.params} keeps it: the
 * canonical form a repeated request is compared with, and what a retry sends again.
 *
 * @param maxPages null for every page
 */
record ImportParams(Integer maxPages, ImportFilters filters, boolean details) {

	static ImportParams read(String json) {
		return FleetJson.MAPPER.readValue(json, ImportParams.class);
	}

	String json() {
		return FleetJson.MAPPER.writeValueAsString(this);
	}

}
