package org.tmdbfleet.gateway.tracking;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;

import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stall rule reads when the fleet last progressed on every import read and stream tick, so
 * that read must cost the same at fifty thousand imports as at ten. The imports are made and
 * rolled back inside the test's transaction, so the shared database never sees them.
 */
class LastProgressQueryIntegrationTests extends GatewayIntegrationTestSupport {

	private static final int IMPORTS = 50_000;

	@Test
	@Transactional
	void theFleetsLastProgressIsReadFromAnIndexNotByScanningEveryImport() {
		jdbc.update("""
				insert into import_jobs (id, source, params, status, created_at, heartbeat_at)
				select gen_random_uuid(), 'popular', '{}', 'COMPLETED', now() - make_interval(mins => n),
				       now() - make_interval(secs => n)
				from generate_series(1, ?) n
				""", IMPORTS);
		jdbc.execute("analyze import_jobs");

		List<String> plan = jdbc.queryForList("explain " + StallWatch.LAST_PROGRESS, String.class);

		assertThat(String.join("\n", plan)).as("the plan of the stall rule's read at %,d imports", IMPORTS)
			.doesNotContain("Seq Scan")
			.containsPattern("Index (Only )?Scan Backward using import_jobs_heartbeat on import_jobs");
	}

}
