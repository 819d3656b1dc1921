package org.tmdbfleet.fleettests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.launcher.ImportWatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMDB's whole catalog (1.2M simulated movies) imported by {@code ./fleet up --fetch 2 --persist 2}
 * as one discover import. Prints the time to the first page and to the whole plan, pages/s, movies/s, how far the gateway's
 * accounting fell behind (events, and the age of the oldest progress event not yet applied), the
 * time from the last movie persisted to the import's end, and {@code GET /api/imports/{id}} p50/p99
 * beside {@code GET /actuator/health} p50/p99 sampled at the same moments every second, beside the
 * bound the TMDB budget sets (pages / budget). Case: {@code -Dbench.case=a} (TMDB at 0 ms, budget
 * unlimited) or {@code b} (150 ± 50 ms, 35/s), with the ramp (the POST to 5 % of the pages) and the
 * tail (the last 2 %) beside the time the bulk pace takes for as many pages. Case b runs three times in
 * a row ({@code -Dbench.runs}), each on a fresh fleet, and ends with each run's ratio: about 30 minutes
 * a run on the 2-core development box; case a about 8.
 * Run: {@code ./mvnw -DskipTests package && ./mvnw -pl fleet-tests verify -Dit.test=FullCatalogBenchmark -Dbench.case=a}.
 * With {@code -Dbench.source=catalog} the import is {@code {"source":"catalog"}}, and its coverage of
 * TMDB's export is printed beside what the discover windows alone reached.
 */
class FullCatalogBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROGRESS = "tmdb.progress";

	private static final String GATEWAY_GROUP = "gateway-progress";

	/** {@code -Dbench.source=catalog}: the whole catalog as TMDB's export names it, instead of discover. */
	private static final String SOURCE = System.getProperty("bench.source", "discover");

	@Test
	void theWholeCatalog() throws Exception {
		String benchCase = System.getProperty("bench.case", "a");
		int catalog = Integer.getInteger("bench.catalog", 1_200_000);
		double budget = "a".equals(benchCase) ? 100_000 : 35;
		Map<String, String> environment = new HashMap<>(Map.of("SIMULATOR_CATALOGSIZE", Integer.toString(catalog),
				"FLEET_RATELIMIT_REQUESTSPERSECOND", Double.toString(budget)));
		if ("b".equals(benchCase)) {
			environment.put("SIMULATOR_LATENCY", "150ms");
			environment.put("SIMULATOR_LATENCYJITTER", "50ms");
		}
		// -Dbench.env.NAME=value: a setting of the services for this run, e.g. FLEET_RATELIMIT_JITTERALLOWANCE
		System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.env."))
			.forEach(name -> environment.put(name.substring("bench.env.".length()), System.getProperty(name)));
		// -Dbench.runs=N: runs in a row, each on a fresh fleet (case b: 3, the "three consecutive runs")
		int runs = Integer.getInteger("bench.runs", "b".equals(benchCase) ? 3 : 1);
		List<String> summary = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			System.out.printf("%nRun %d of %d%n", run, runs);
			try (RunningFleet running = new RunningFleet("full-catalog-" + benchCase, environment)) {
				running.fleet().up(2, 2, 0, false);
				ImportWatch watch = new ImportWatch(running.fleet().gatewayUrl(), System.out, false);
				UUID id = watch.start("catalog".equals(SOURCE) ? "{\"source\":\"catalog\"}"
						: "{\"source\":\"discover\",\"maxPages\":100000}");
				List<Sample> samples = sample(running, id);
				JsonNode end = watch.view(id);
				Instant lastMovie = Instant.ofEpochMilli(running.count(
						"select (extract(epoch from max(persisted_at)) * 1000)::bigint from import_items where import_id = ?",
						id));
				double ratio = report(benchCase, catalog, budget, end, lastMovie, samples);
				Pace pace = reportPace(running, id, end);
				reportTraffic(running, end.path("pagesFetched").asLong(), budget);
				if ("catalog".equals(SOURCE)) {
					reportCoverage(running, id, end);
				}
				summary.add("  run %d: %s, %.3fx the bound; ramp %+.1f s and tail %+.1f s beside the bulk pace".formatted(
						run, end.path("status").asString(), ratio, pace.rampAbove(), pace.tailAbove()));
				assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
			}
		}
		System.out.printf("%nFull-catalog benchmark, case %s, %d run(s) in a row:%n%s%n", benchCase, runs,
				String.join("\n", summary));
	}

	/**
	 * The fleet's pace through the bulk of the pages (from the 5th to the 95th percentile of their
	 * outcomes' times), and beside it the ramp (the POST to 5 % of the pages) and the tail (the last
	 * 2 %), each as its time and the time the bulk pace would take for as many pages: a plan that
	 * holds the fetchers back shows in the ramp, partitions that drain unevenly in the tail.
	 */
	private static Pace reportPace(RunningFleet running, UUID id, JsonNode end) {
		long pages = end.path("pagesFetched").asLong();
		long created = Instant.parse(end.path("createdAt").asString()).toEpochMilli();
		long p05 = pageOutcomeMillis(running, id, "percentile_disc(0.05) within group (order by updated_at)");
		long p95 = pageOutcomeMillis(running, id, "percentile_disc(0.95) within group (order by updated_at)");
		long p98 = pageOutcomeMillis(running, id, "percentile_disc(0.98) within group (order by updated_at)");
		long last = pageOutcomeMillis(running, id, "max(updated_at)");
		double bulk = 0.90 * pages / ((p95 - p05) / 1000.0);
		double ramp = (p05 - created) / 1000.0;
		double rampAtPace = 0.05 * pages / bulk;
		double tail = (last - p98) / 1000.0;
		double tailAtPace = 0.02 * pages / bulk;
		System.out.printf("  pace: %.2f pages/s from the 5th to the 95th percentile of pages%n", bulk);
		System.out.printf("  ramp: the POST to 5 %% of pages %.1f s; at the bulk pace %.1f s: %+.1f s%n", ramp, rampAtPace,
				ramp - rampAtPace);
		System.out.printf("  tail: the last 2 %% of pages %.1f s (%.1f pages/s); at the bulk pace %.1f s: %+.1f s%n", tail,
				0.02 * pages / tail, tailAtPace, tail - tailAtPace);
		return new Pace(ramp - rampAtPace, tail - tailAtPace);
	}

	private record Pace(double rampAbove, double tailAbove) {
	}

	/** What TMDB (the simulator) saw: requests beyond the pages, and the most in any second beside the budget. */
	private static void reportTraffic(RunningFleet running, long pages, double budget) throws Exception {
		JsonNode stats = JSON.readTree(get(HttpClient.newHttpClient(), running.fleet().url("simulator") + "/admin/stats")
			.body());
		long requests = stats.path("requests").asLong();
		System.out.printf("  TMDB saw %,d requests: %,d pages and %,d more (planning, reference data, retries); at most"
				+ " %d in any 1 s (budget %.0f), %d answered 429%n%n", requests, pages, requests - pages,
				stats.path("maxRequestsPerSecond").asLong(), budget, stats.path("rateLimited").asLong());
	}

	private static long pageOutcomeMillis(RunningFleet running, UUID id, String aggregate) {
		return running.count("select (extract(epoch from " + aggregate + ") * 1000)::bigint from import_pages"
				+ " where import_id = ?", id);
	}

	/**
	 * A catalog import's coverage of TMDB's export: the export's ids stored, beside what the
	 * discover windows alone listed (what a discover import of everything reaches, the baseline).
	 */
	private static void reportCoverage(RunningFleet running, UUID id, JsonNode end) {
		JsonNode paths = end.path("catalog");
		long exported = paths.path("exportIds").asLong();
		long stored = running.count("select count(*) from import_items i join movies m using (tmdb_id) "
				+ "where i.import_id = ? and i.exported", id);
		System.out.printf("  export of %s: %,d ids; from the discover windows %,d (%.2f%% of the export: what a discover "
				+ "import of everything reaches), by details %,d; stored %,d = %.3f%% of the export (%.3fx the windows "
				+ "alone)%n", paths.path("exportDate").asString(), exported, paths.path("fromLists").asLong(),
				100.0 * paths.path("fromLists").asLong() / exported, paths.path("byDetails").asLong(), stored,
				100.0 * stored / exported, (double) stored / Math.max(1, paths.path("fromLists").asLong()));
	}

	/** Every second until the import ends: both GETs timed back to back, and the gateway's lag. */
	private List<Sample> sample(RunningFleet running, UUID id) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String gateway = running.fleet().gatewayUrl();
		List<Sample> samples = new ArrayList<>();
		try (Lag lag = new Lag(running.fleet().settings().kafkaBootstrap())) {
			while (true) {
				long tick = System.nanoTime();
				Timed view = get(http, gateway + "/api/imports/" + id);
				Timed health = get(http, gateway + "/actuator/health");
				Lag.Behind behind = lag.now();
				JsonNode current = JSON.readTree(view.body());
				samples.add(new Sample(Instant.now(), view.millis(), health.millis(), behind.events(), behind.seconds(),
						current.path("pagesFetched").asLong(), current.path("moviesPersisted").asLong(),
						!current.path("pagesTotal").isNull()));
				String status = current.path("status").asString();
				if (!List.of("QUEUED", "RUNNING", "STALLED").contains(status)) {
					return samples;
				}
				long rest = 1_000_000_000L - (System.nanoTime() - tick);
				if (rest > 0) {
					Thread.sleep(Duration.ofNanos(rest));
				}
			}
		}
	}

	/** Prints the run's figures; returns the time from the POST to the end beside the budget's bound. */
	private static double report(String benchCase, int catalog, double budget, JsonNode end, Instant lastMovie,
			List<Sample> samples) {
		Instant created = Instant.parse(end.path("createdAt").asString());
		Instant started = Instant.parse(end.path("startedAt").asString());
		Instant finished = Instant.parse(end.path("finishedAt").asString());
		double running = Duration.between(started, finished).toMillis() / 1000.0;
		long pages = end.path("pagesFetched").asLong();
		long movies = end.path("moviesPersisted").asLong();
		double bound = pages / budget;
		StringBuilder out = new StringBuilder();
		out.append("%nFull-catalog benchmark, case %s: %,d simulated movies, %s%n".formatted(benchCase, catalog,
				"a".equals(benchCase) ? "TMDB at 0 ms, budget unlimited" : "TMDB at 150 ± 50 ms, budget 35/s"));
		out.append("  import: %s, %,d pages (%d failed), %,d of %,d movies persisted, %d windows%n".formatted(
				end.path("status").asString(), pages, end.path("pagesFailed").asLong(), movies,
				end.path("moviesExpected").asLong(), end.path("windows").size()));
		Instant planned = samples.stream().filter(Sample::planned).map(Sample::at).findFirst().orElse(finished);
		out.append(("  first page after %.1f s; plan whole after %.0f s (sampled each second; pages are fetched meanwhile);"
				+ " running: %.1f s; %.1f pages/s; %.0f movies/s%n").formatted(
						Duration.between(created, started).toMillis() / 1000.0,
						Duration.between(created, planned).toMillis() / 1000.0, running, pages / running, movies / running));
		out.append("  budget bound (pages / budget): %.1f s; created to finished %.1f s = %.3fx the bound%n".formatted(
				bound, Duration.between(created, finished).toMillis() / 1000.0,
				Duration.between(created, finished).toMillis() / 1000.0 / bound));
		out.append("  accounting behind: at most %,d events, at most %.1f s (oldest unapplied progress event)%n"
			.formatted(samples.stream().mapToLong(Sample::eventsBehind).max().orElse(0),
					samples.stream().mapToDouble(Sample::secondsBehind).max().orElse(0)));
		out.append("  last movie persisted to finished: %.2f s%n".formatted(
				Duration.between(lastMovie, finished).toMillis() / 1000.0));
		double viewP50 = percentile(samples.stream().mapToDouble(Sample::viewMillis).toArray(), 50);
		double viewP99 = percentile(samples.stream().mapToDouble(Sample::viewMillis).toArray(), 99);
		double healthP50 = percentile(samples.stream().mapToDouble(Sample::healthMillis).toArray(), 50);
		double healthP99 = percentile(samples.stream().mapToDouble(Sample::healthMillis).toArray(), 99);
		out.append(("  GET /api/imports/{id}: p50 %.1f ms, p99 %.1f ms | GET /actuator/health: p50 %.1f ms, p99 %.1f ms"
				+ " | p99 ratio %.2fx (%d samples, one a second)%n").formatted(viewP50, viewP99, healthP50, healthP99,
						viewP99 / healthP99, samples.size()));
		System.out.print(out);
		return Duration.between(created, finished).toMillis() / 1000.0 / bound;
	}

	private static double percentile(double[] values, int percentile) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

	private static Timed get(HttpClient http, String url) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Timed(response.body(), (System.nanoTime() - started) / 1e6);
	}

	private record Timed(String body, double millis) {
	}

	private record Sample(Instant at, double viewMillis, double healthMillis, long eventsBehind, double secondsBehind,
			long pages, long movies, boolean planned) {
	}

	/** How far the gateway's progress listener is behind what the workers wrote. */
	private static final class Lag implements AutoCloseable {

		private final Admin admin;

		private final KafkaConsumer<byte[], byte[]> consumer;

		Lag(String bootstrap) {
			this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
			this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
					ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
					"read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
		}

		Behind now() throws Exception {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GATEWAY_GROUP)
				.partitionsToOffsetAndMetadata()
				.get();
			List<TopicPartition> partitions = consumer.partitionsFor(PROGRESS)
				.stream()
				.map(info -> new TopicPartition(PROGRESS, info.partition()))
				.toList();
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long events = 0;
			double seconds = 0;
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata at = committed.get(partition);
				long position = (at == null) ? 0 : at.offset();
				long behind = ends.get(partition) - position;
				if (behind <= 0) {
					continue;
				}
				events += behind;
				consumer.assign(List.of(partition));
				consumer.seek(partition, position);
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					seconds = Math.max(seconds, (System.currentTimeMillis() - record.timestamp()) / 1000.0);
					break;
				}
			}
			return new Behind(events, seconds);
		}

		@Override
		public void close() {
			consumer.close();
			admin.close();
		}

		record Behind(long events, double seconds) {
		}

	}

}
