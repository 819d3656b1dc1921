package org.tmdbfleet.gateway.tracking;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An import nobody works on shows as STALLED, and goes on when workers return. Own database. */
@TestPropertySource(properties = "fleet.imports.stalled-after=2s")
class ImportStallIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void anImportWithoutProgressWhileTheFleetIsIdleIsStalledUntilProgressComes() {
		UUID id = startImport();
		progress(new ImportPlanned(id, 2, 40));
		await().until(() -> "RUNNING".equals(importView(id).path("status").asString()));
		String lastProgress = importView(id).path("lastProgressAt").asString();
		assertThat(lastProgress).isNotEmpty();

		await().atMost(Duration.ofSeconds(10)).until(() -> "STALLED".equals(importView(id).path("status").asString()));
		assertThat(importView(id).path("lastProgressAt").asString()).isEqualTo(lastProgress);
		assertThat(listed("STALLED")).contains(id.toString());
		assertThat(listed("RUNNING")).doesNotContain(id.toString());
		assertThat(stalledGauge()).isEqualTo(listed("STALLED").size());

		// a worker comes back
		progress(new PageFetched(id, 1, List.of()));
		await().until(() -> "RUNNING".equals(importView(id).path("status").asString()));
		assertThat(listed("RUNNING")).contains(id.toString());
		assertThat(listed("STALLED")).doesNotContain(id.toString());
	}

	@Test
	void anImportWaitingBehindABusyFleetIsNotStalled() {
		UUID busy = startImport();
		progress(new ImportPlanned(busy, 500, 10_000));
		ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
		try {
			AtomicInteger page = new AtomicInteger();
			worker.scheduleAtFixedRate(() -> progress(new PageFetched(busy, page.incrementAndGet(), List.of())), 0, 500,
					TimeUnit.MILLISECONDS);
			UUID waiting = startImport();

			// twice stalled-after without progress of its own, while the busy import moves
			await().during(Duration.ofSeconds(4))
				.atMost(Duration.ofSeconds(6))
				.untilAsserted(() -> assertThat(importView(waiting).path("status").asString()).isEqualTo("QUEUED"));
			assertThat(page.get()).as("pages the busy import fetched meanwhile").isGreaterThanOrEqualTo(8);
		}
		finally {
			worker.shutdownNow();
		}
	}

	private int stalledGauge() {
		Matcher gauge = Pattern.compile("(?m)^fleet_imports\\{[^}]*status=\"STALLED\"[^}]*} (\\S+)$")
			.matcher(api().get("/actuator/prometheus").body());
		assertThat(gauge.find()).as("fleet_imports{status=STALLED} is exported").isTrue();
		return (int) Double.parseDouble(gauge.group(1));
	}

	private List<String> listed(String status) {
		return api().get("/api/imports?size=100&status=" + status).json().path("items").valueStream()
			.map(summary -> summary.path("id").asString())
			.toList();
	}

}
