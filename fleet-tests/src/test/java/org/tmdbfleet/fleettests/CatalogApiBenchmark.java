package org.tmdbfleet.fleettests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local TMDB under load, on TMDB's whole simulated catalog (1.2M movies) imported by
 * {@code ./fleet up --fetch 2 --persist 2}: one catalog API instance, an open-loop load generator
 * (each request timed from when it was due, so a slow answer cannot hide the ones queued behind
 * it), and {@code GET /actuator/health} of the same instance measured the same way in the same run
 * as the baseline. Prints {@code /3/movie/{id}} (random ids) throughput beside the health check's,
 * both p99s at the same offered rate, the p99 of a mix of searches and discovers, and whether
 * PostgreSQL read {@code movies} by a sequential scan for any of them.
 * A second case imports a 100,000-movie catalog twice, without and with details, and prints
 * both rates, measured on a fleet that ran both imports once before (into a store emptied
 * since). Takes 15 to 25 minutes on the 2-core development box.
 * Run: {@code ./mvnw -DskipTests install && ./mvnw -pl fleet-tests verify -Dit.test=CatalogApiBenchmark}
 * ({@code -Dbench.catalog=N} for another size, {@code -Dit.test=CatalogApiBenchmark#theDetailsPath}
 * for the second case alone).
 */
class CatalogApiBenchmark {

	private static final int WORKERS = 32;

	private static final Duration THROUGHPUT_RUN = Duration.ofSeconds(15);

	private static final Duration LATENCY_RUN = Duration.ofSeconds(20);

	private static final String[] WORDS = { "river", "silent", "the dark", "empire", "garden of", "Shadw",
			"midnight harbor", "Москва", "тёмные", "千尋", "東京", "기억", "frozen kingdom", "last", "stormm" };

	private static final String[] DISCOVERS = { "", "with_genres=28", "with_genres=28,12", "with_genres=16|35",
			"without_genres=18&sort_by=vote_average.desc&vote_count.gte=200", "primary_release_year=2001",
			"primary_release_date.gte=2020-01-01&primary_release_date.lte=2020-12-31",
			"vote_average.gte=7&vote_count.gte=100&sort_by=vote_average.desc", "with_original_language=ja",
			"sort_by=primary_release_date.desc", "sort_by=vote_count.desc&with_genres=27",
			"with_runtime.gte=90&with_runtime.lte=120", "sort_by=title.asc", "sort_by=popularity.asc",
			"with_genres=18&primary_release_date.gte=1990-01-01&sort_by=primary_release_date.asc" };

	private static final String LISTS = "{\"source\":\"catalog\"}";

	private static final String DETAILS = "{\"source\":\"catalog\",\"details\":true}";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void theMirrorUnderLoad() throws Exception {
		int catalog = Integer.getInteger("bench.catalog", 1_200_000);
		try (RunningFleet running = new RunningFleet("catalog-api-bench", Map.of("SIMULATOR_CATALOGSIZE",
				Integer.toString(catalog), "FLEET_RATELIMIT_REQUESTSPERSECOND", "100000"))) {
			running.fleet().up(2, 2, 1, false);
			JsonNode end = importAndWait(running, LISTS, Duration.ofMinutes(60));
			long movies = running.count("select count(*) from movies where deleted_at is null");
			execute(running, "vacuum analyze movies");
			// the import's and the vacuum's dirty pages written now, not by a checkpoint during a measurement
			execute(running, "checkpoint");
			System.out.printf("%n== catalog API on %,d movies (catalog import %s, %.0f s) ==%n", movies,
					end.path("status").asString(), seconds(end));
			String base = running.fleet().url("catalog-1");
			List<Long> ids = ids(running);
			Supplier<String> health = () -> base + "/actuator/health";
			Supplier<String> movie = () -> base + "/3/movie/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
			closedLoop(health, Duration.ofSeconds(5));
			closedLoop(movie, Duration.ofSeconds(5));

			double healthRate = closedLoop(health, THROUGHPUT_RUN);
			double movieRate = closedLoop(movie, THROUGHPUT_RUN);
			System.out.printf("throughput (%d concurrent clients, %d s): /3/movie/{id} %.0f/s | health %.0f/s | ratio %.2f"
					+ " (goal >= 0.50)%n", WORKERS, THROUGHPUT_RUN.toSeconds(), movieRate, healthRate,
					movieRate / healthRate);

			double offered = Math.floor(movieRate / 2);
			Latencies healthLatency = openLoop(health, offered, LATENCY_RUN);
			Latencies movieLatency = openLoop(movie, offered, LATENCY_RUN);
			System.out.printf("open loop at %.0f/s for %d s: /3/movie/{id} %s | health %s | p99 ratio %.2f (goal <= 3)%n",
					offered, LATENCY_RUN.toSeconds(), movieLatency, healthLatency,
					movieLatency.p99() / healthLatency.p99());

			List<String> searches = Arrays.stream(WORDS)
				.map((word) -> base + "/3/search/movie?query=" + encode(word))
				.toList();
			List<String> discovers = Arrays.stream(DISCOVERS)
				.map((query) -> base + "/3/discover/movie?" + query.replace("|", "%7C"))
				.toList();
			System.out.printf("each once, first time, one at a time: search %s | discover %s%n", once(searches),
					once(discovers));
			Latencies searchLatency = openLoop(pick(searches, 3), 20, LATENCY_RUN);
			Latencies discoverLatency = openLoop(pick(discovers, 5), 20, LATENCY_RUN);
			System.out.printf("open loop at 20/s, a mix over the first 5 pages: search %s | discover %s (goal p99 <= 50 ms)%n",
					searchLatency, discoverLatency);
			explainEach(running, searches, discovers, ids);
		}
	}

	@Test
	void theDetailsPath() throws Exception {
		int catalog = Integer.getInteger("bench.details.catalog", 100_000);
		try (RunningFleet running = new RunningFleet("details-path-bench", Map.of("SIMULATOR_CATALOGSIZE",
				Integer.toString(catalog), "FLEET_RATELIMIT_REQUESTSPERSECOND", "100000"))) {
			running.fleet().up(2, 2, 0, false);
			// The goal is the rate of a running fleet: freshly started, each JVM compiles for minutes, and on
			// this box the compilers took as much CPU as the work. So both imports run once first, and the
			// store is emptied, so that the measured imports write every movie anew.
			JsonNode coldLists = importAndWait(running, LISTS, Duration.ofMinutes(30));
			JsonNode coldDetails = importAndWait(running, DETAILS, Duration.ofMinutes(60));
			execute(running, "truncate movies, movie_genres, movie_changes");
			execute(running, "checkpoint");
			JsonNode lists = importAndWait(running, LISTS, Duration.ofMinutes(30));
			JsonNode details = importAndWait(running, DETAILS, Duration.ofMinutes(60));
			double listRate = rate(lists);
			double detailsRate = rate(details);
			System.out.printf("%n== details path on %,d movies, TMDB at 0 ms, budget unlimited ==%n", catalog);
			System.out.printf("freshly started, not measured: catalog import %.0f movies/s, with details %.0f movies/s%n",
					rate(coldLists), rate(coldDetails));
			System.out.printf("catalog import: %,d movies in %.0f s, %.0f movies/s (baseline)%n",
					lists.path("moviesPersisted").asLong(), seconds(lists), listRate);
			System.out.printf("with details:   %,d movies in %.0f s, %.0f movies/s | ratio %.2f (goal >= 1,000 movies/s)%n",
					details.path("moviesPersisted").asLong(), seconds(details), detailsRate, detailsRate / listRate);
		}
	}

	private static JsonNode importAndWait(RunningFleet running, String request, Duration patience) {
		UUID id = running.startImport(request);
		JsonNode end = running.follow(id, patience);
		assertThat(end.path("status").asString()).as(end.toString()).startsWith("COMPLETED");
		return end;
	}

	private static double rate(JsonNode end) {
		return end.path("moviesPersisted").asLong() / seconds(end);
	}

	private static double seconds(JsonNode end) {
		return Duration.between(java.time.Instant.parse(end.path("startedAt").asString()),
				java.time.Instant.parse(end.path("finishedAt").asString())).toMillis() / 1000.0;
	}

	private static List<Long> ids(RunningFleet running) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Connection connection = connect(running);
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery(
						"select tmdb_id from movies tablesample system (10) where deleted_at is null limit 100000")) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	/**
	 * Each URL's first page once, one after the other, before anything else asked for it: the
	 * answers no total remembered from an earlier one helps. Prints the median, the slowest and
	 * which that was.
	 */
	private String once(List<String> urls) {
		double[] millis = new double[urls.size()];
		String slowest = null;
		double max = -1;
		for (int i = 0; i < urls.size(); i++) {
			long start = System.nanoTime();
			try {
				send(urls.get(i) + "&page=1");
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			catch (RuntimeException ex) {
				millis[i] = Double.POSITIVE_INFINITY;
			}
			if (millis[i] > max) {
				max = millis[i];
				slowest = urls.get(i);
			}
		}
		Arrays.sort(millis);
		return "median %.0f ms, max %.0f ms (%s)".formatted(millis[millis.length / 2], max,
				slowest.substring(slowest.indexOf("/3/")));
	}

	/** Requests back to back from {@link #WORKERS} clients; answers the completed requests per second. */
	private double closedLoop(Supplier<String> url, Duration length) throws InterruptedException {
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + length.toNanos();
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < WORKERS; i++) {
			clients.add(Thread.ofVirtual().start(() -> {
				while (System.nanoTime() < end) {
					send(url.get());
					done.incrementAndGet();
				}
			}));
		}
		for (Thread client : clients) {
			client.join();
		}
		return done.get() / (length.toMillis() / 1000.0);
	}

	/**
	 * Sends {@code rate} requests a second, each on its own virtual thread at its due time whether
	 * or not the earlier ones were answered, and times each from that due time.
	 */
	private Latencies openLoop(Supplier<String> url, double rate, Duration length) throws InterruptedException {
		int count = (int) (rate * length.toSeconds());
		double[] millis = new double[count];
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime() + 100_000_000L;
		List<Thread> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long due = start + (long) (i * 1e9 / rate);
			int index = i;
			String target = url.get();
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(Duration.ofNanos(wait));
			}
			requests.add(Thread.ofVirtual().start(() -> {
				try {
					send(target);
					millis[index] = (System.nanoTime() - due) / 1e6;
				}
				catch (RuntimeException ex) {
					millis[index] = Double.POSITIVE_INFINITY; // an answer that never came counts as the slowest
					failures.add(ex.getMessage());
				}
			}));
		}
		for (Thread request : requests) {
			request.join();
		}
		Arrays.sort(millis);
		return new Latencies(millis[count / 2], millis[Math.max(0, (int) Math.ceil(count * 0.99) - 1)], millis[count - 1],
				failures.size(), failures.stream().limit(3).toList());
	}

	private void send(String url) {
		try {
			int status = http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.discarding())
				.statusCode();
			if (status != 200) {
				throw new IllegalStateException(url + " answered " + status);
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends each query once, one at a time, and reads PostgreSQL's count of sequential scans of
	 * {@code movies} ({@code pg_stat_user_tables.seq_scan}) before and after it, once the
	 * backends have flushed their statistics (they do within a second of going idle): a query
	 * whose count moved read the table whole. Nothing else reads the catalog meanwhile.
	 */
	private void explainEach(RunningFleet running, List<String> searches, List<String> discovers, List<Long> ids)
			throws Exception {
		String base = running.fleet().url("catalog-1");
		List<String> all = new ArrayList<>(searches);
		all.addAll(discovers);
		for (String list : List.of("popular", "top_rated", "now_playing", "upcoming", String.valueOf(ids.get(0)))) {
			all.add(base + "/3/movie/" + list);
		}
		List<String> failed = new ArrayList<>();
		List<String> seqScans = new ArrayList<>();
		for (String url : all) {
			long before = seqScans(running);
			try {
				send(url.contains("?") ? url + "&page=2" : url);
			}
			catch (RuntimeException ex) {
				failed.add(ex.getMessage()); // a statement cancelled at the timeout still counts its scan
			}
			Thread.sleep(1500);
			if (seqScans(running) > before) {
				seqScans.add(url.substring(url.indexOf("/3/")));
			}
		}
		System.out.printf("sequential scans of movies for %d requests (%d failed%s): %d%s%n", all.size(),
				failed.size(), failed.isEmpty() ? "" : ": " + failed, seqScans.size(),
				seqScans.isEmpty() ? "" : " " + seqScans);
	}

	private static long seqScans(RunningFleet running) throws SQLException {
		try (Connection connection = connect(running);
				Statement statement = connection.createStatement();
				var row = statement.executeQuery("select seq_scan from pg_stat_user_tables where relname = 'movies'")) {
			row.next();
			return row.getLong(1);
		}
	}

	private static Supplier<String> pick(List<String> urls, int pages) {
		return () -> urls.get(ThreadLocalRandom.current().nextInt(urls.size())) + "&page="
				+ (1 + ThreadLocalRandom.current().nextInt(pages));
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void execute(RunningFleet running, String sql) throws SQLException {
		try (Connection connection = connect(running); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Connection connect(RunningFleet running) throws SQLException {
		return DriverManager.getConnection(running.fleet().settings().databaseUrl(), "postgres", "postgres");
	}

	/** Latencies of an open-loop run; a request that failed counts as infinitely slow, and is named. */
	record Latencies(double p50, double p99, double max, int failed, List<String> someFailures) {

		@Override
		public String toString() {
			return "p50 %.1f ms, p99 %.1f ms, max %.1f ms%s".formatted(p50, p99, max,
					(failed == 0) ? "" : " (" + failed + " failed, e.g. " + someFailures + ")");
		}

	}

}
