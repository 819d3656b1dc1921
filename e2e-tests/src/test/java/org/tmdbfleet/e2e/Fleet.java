package org.tmdbfleet.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.postgresql.ds.PGSimpleDataSource;
import org.tmdbfleet.catalog.CatalogApiApplication;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.FleetMessageSerializer;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.ImportProgress;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.common.testing.TestDatabase;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.fetch.FetchWorkerApplication;
import org.tmdbfleet.gateway.GatewayApplication;
import org.tmdbfleet.persist.PersistWorkerApplication;
import org.tmdbfleet.simulator.TmdbSimulatorApplication;
import org.tmdbfleet.simulator.catalog.Catalog;
import org.tmdbfleet.simulator.catalog.Movie;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;


import static org.assertj.core.api.Assertions.assertThat;
/**
 * The whole fleet in this JVM: the TMDB simulator, the gateway, a fetch worker and a persist
 * worker, each its own Spring application with its own configuration and port, joined only by
 * a real Kafka broker and a real PostgreSQL database, exactly as separate processes would be.
 */
final class Fleet implements AutoCloseable {

	private static final String NO_DATABASE = "--spring.autoconfigure.exclude="
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
			+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
			+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

	private static final String NO_KAFKA = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
			+ "org.tmdbfleet.common.kafka.FleetKafkaAutoConfiguration";

	/**
	 * For tests that count TMDB's requests per second: the simulator serves on platform threads.
	 * TMDB counts a request when it arrives; in this one JVM the simulator's virtual threads would
	 * wait for a carrier behind the other services' CPU-bound work and count late, in bunches.
	 */
	static final String PROMPT_TMDB = "--spring.threads.virtual.enabled=false";

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	private final List<ConfigurableApplicationContext> catalogApis = new ArrayList<>();

	private final JdbcTemplate jdbc;

	private final Database database;

	private final ConfigurableApplicationContext simulator;

	private final ConfigurableApplicationContext gateway;

	private final ConfigurableApplicationContext fetchWorker;

	private final ConfigurableApplicationContext persistWorker;

	private final String kafkaBrokers;

	private final List<String> fetchWorkerArgs;

	private final SimulatedClock clock;

	private final Http tmdbApi;

	private final Http gatewayApi;

	private KafkaProducer<String, Object> producer;

	/**
	 * A fleet on the given Kafka and a fresh database of the embedded PostgreSQL, with settings
	 * (as {@code --name=value}) of the simulator, the fetch workers and the gateway. Test classes
	 * declare theirs with {@link FleetExtension}.
	 */
	Fleet(String kafkaBrokers, List<String> simulatorArgs, List<String> fetchWorkerArgs, List<String> gatewayArgs) {
		this(new Database(TestDatabase.newDatabase(), "postgres", "postgres"), kafkaBrokers, simulatorArgs,
				fetchWorkerArgs, gatewayArgs);
	}

	/** A fleet with its default settings on the given database and Kafka. */
	Fleet(Database database, String kafkaBrokers) {
		this(database, kafkaBrokers, List.of(), List.of(), List.of());
	}

	private Fleet(Database database, String kafkaBrokers, List<String> simulatorArgs, List<String> fetchWorkerArgs,
			List<String> gatewayArgs) {
		this.kafkaBrokers = kafkaBrokers;
		this.fetchWorkerArgs = fetchWorkerArgs;
		this.clock = new SimulatedClock();
		this.database = database;
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(database.url());
		dataSource.setUser(database.user());
		dataSource.setPassword(database.password());
		this.jdbc = new JdbcTemplate(dataSource);
		try {
			this.simulator = start(TmdbSimulatorApplication.application(),
					Stream.concat(Stream.of(NO_DATABASE + "," + NO_KAFKA), simulatorArgs.stream()));
			clock.follow(simulator.getBean(Catalog.class));
			String[] kafka = { "--spring.kafka.bootstrap-servers=" + kafkaBrokers };
			String[] db = { "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.user(),
					"--spring.datasource.password=" + database.password() };
			this.gateway = start(clock.in(GatewayApplication.application()),
					Stream.of(Stream.of(kafka), Stream.of(db), gatewayArgs.stream()).flatMap(args -> args));
			this.persistWorker = start(PersistWorkerApplication.application(),
					Stream.concat(Stream.of(kafka), Stream.of(db)));
			this.fetchWorker = addFetchWorker();
			this.tmdbApi = new Http(url(simulator));
			this.gatewayApi = new Http(url(gateway));
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Waits until a small import goes all the way through: every consumer group has its
	 * partitions, every connection is open, so what a test measures next is the pipeline.
	 */
	Fleet warmedUp() {
		JsonNode end = awaitEnd(startImport("{\"source\":\"upcoming\",\"maxPages\":2}"), Duration.ofMinutes(1));
		if (!"COMPLETED".equals(end.path("status").asString())) {
			throw new IllegalStateException("The warm-up import did not complete: " + end);
		}
		return this;
	}

	/** Posts an import as a user would and returns its id; fails unless the gateway accepts it. */
	UUID startImport(String json) {
		ResponseEntity<String> response = gatewayApi.post("/api/imports", json);
		if (response.getStatusCode().value() != 202) {
			throw new IllegalStateException("Import not accepted: " + response);
		}
		return UUID.fromString(FleetJson.MAPPER.readTree(response.getBody()).path("id").asString());
	}

	/** The import as {@code GET /api/imports/{id}} shows it now. */
	JsonNode view(UUID id) {
		return gatewayApi.getJson("/api/imports/" + id);
	}

	/** Waits until the import is no longer queued or running, and returns how the API shows it. */
	JsonNode awaitEnd(UUID id, Duration patience) {
		JsonNode[] last = new JsonNode[1];
		Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = gatewayApi.getJson("/api/imports/" + id);
			return !List.of("QUEUED", "RUNNING", "STALLED").contains(last[0].path("status").asString());
		});
		return last[0];
	}

	private ConfigurableApplicationContext start(SpringApplication application, Stream<String> args) {
		ConfigurableApplicationContext context = application
			.run(Stream.concat(Stream.of("--server.port=0"), args).toArray(String[]::new));
		services.add(context);
		return context;
	}

	/**
	 * A catalog API (the local TMDB) on the fleet's database, with the given settings; it needs
	 * neither Kafka nor the schema's owner, so their auto-configurations stay out of it here.
	 * Returns its URL.
	 */
	String startCatalogApi(String... args) {
		String exclude = "--spring.autoconfigure.exclude="
				+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
				+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
				+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration," + NO_KAFKA;
		ConfigurableApplicationContext catalogApi = start(CatalogApiApplication.application(),
				Stream.concat(Stream.of(exclude, "--spring.datasource.url=" + database.url(),
						"--spring.datasource.username=" + database.user(),
						"--spring.datasource.password=" + database.password()), Stream.of(args)));
		catalogApis.add(catalogApi);
		return url(catalogApi);
	}

	/** Stops the simulator, the gateway and every worker; only the catalog APIs keep running. */
	void stopAllButTheCatalogApis() {
		for (int i = services.size() - 1; i >= 0; i--) {
			if (!catalogApis.contains(services.get(i))) {
				services.remove(i).close();
			}
		}
	}

	/**
	 * One more fetch worker, as a second instance would join the consumer group. A setting the
	 * test gives replaces the fleet's (a property named twice would be read as both, joined).
	 */
	ConfigurableApplicationContext addFetchWorker() {
		Stream<String> defaults = Stream
			.of("--tmdb.base-url=" + simulatorUrl(), "--tmdb.exports-url=" + simulatorUrl(),
					"--tmdb.api-key=simulator-key")
			.filter(setting -> fetchWorkerArgs.stream()
				.noneMatch(given -> given.startsWith(setting.substring(0, setting.indexOf('=') + 1))));
		return start(clock.in(FetchWorkerApplication.application()),
				Stream.of(Stream.of("--spring.kafka.bootstrap-servers=" + kafkaBrokers, NO_DATABASE), defaults,
						fetchWorkerArgs.stream()).flatMap(args -> args));
	}

	/** The ids of the simulated TMDB's movies now, adult titles aside: what its export names today. */
	Set<Long> exportedIds() {
		Catalog catalog = catalog();
		Set<Long> ids = new HashSet<>();
		for (int index = 0; index < catalog.rows(); index++) {
			if (catalog.live(index) && !catalog.adult(index)) {
				ids.add((long) catalog.id(index));
			}
		}
		return ids;
	}

	/** The catalog rows TMDB's changes list names for {@code date} and a sync fetches: not adult. */
	List<Integer> changedOn(LocalDate date) {
		Catalog catalog = catalog();
		return Arrays.stream(catalog.touchedOn(date)).filter(index -> !catalog.adult(index)).boxed().toList();
	}

	/**
	 * Asserts that the database holds these movies as the simulated TMDB has them now: a deleted
	 * one marked deleted (if it was ever stored), any other present, unmarked, with TMDB's title,
	 * popularity and vote count.
	 * @return how many of them TMDB deleted
	 */
	long assertStoredAsTmdbHasThem(Collection<Long> ids) {
		Catalog catalog = catalog();
		Map<Long, Map<String, Object>> rows = jdbc
			.queryForList("select tmdb_id, title, popularity, vote_count, deleted_at from movies where tmdb_id = any(?)",
					(Object) ids.toArray(Long[]::new))
			.stream()
			.collect(Collectors.toMap(row -> ((Number) row.get("tmdb_id")).longValue(), row -> row));
		long deleted = 0;
		for (long id : ids) {
			int index = catalog.indexOf((int) id);
			Map<String, Object> row = rows.get(id);
			if (index < 0) {
				deleted++;
				// a movie deleted before the first import was never stored; one stored is marked
				if (row != null) {
					assertThat(row.get("deleted_at")).as("movie %d, deleted at TMDB", id).isNotNull();
				}
				continue;
			}
			Movie movie = catalog.movie(index);
			assertThat(row).as("movie %d, changed or added at TMDB", id).isNotNull();
			assertThat(row.get("deleted_at")).isNull();
			assertThat(row.get("title")).isEqualTo(movie.title());
			assertThat(((Number) row.get("popularity")).doubleValue()).isEqualTo(movie.popularity());
			assertThat(((Number) row.get("vote_count")).intValue()).isEqualTo(movie.voteCount());
		}
		return deleted;
	}

	/** What the simulated TMDB holds, to compare an import with. */
	Catalog catalog() {
		return simulator.getBean(Catalog.class);
	}

	/** A fetch worker's share of the fleet's TMDB budget, as its metrics tell it. */
	static double rateShareOf(String fetchWorkerUrl) {
		return metric(fetchWorkerUrl, "fleet_rate_share");
	}

	/** A service's Prometheus metric, summed over its series. */
	static double metric(String serviceUrl, String name) {
		String metrics = new Http(serviceUrl).get("/actuator/prometheus").getBody();
		return metrics.lines()
			.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	String simulatorUrl() {
		return url(simulator);
	}

	String gatewayUrl() {
		return url(gateway);
	}

	String fetchWorkerUrl() {
		return url(fetchWorker);
	}

	String persistWorkerUrl() {
		return url(persistWorker);
	}

	/** The simulated TMDB as a client sees it, its admin API ({@code /admin/...}) included. */
	Http tmdb() {
		return tmdbApi;
	}

	/** The gateway's API, as a user's client without a token sees it. */
	Http gateway() {
		return gatewayApi;
	}

	/**
	 * Puts the simulated TMDB back as it started: no faults but its configured ones, its exports
	 * whole, its clock at noon (days that passed stay passed: the clock only moves forward).
	 */
	void tmdbAsUsual() {
		tmdbApi.delete("/admin/faults");
		tmdbApi.delete("/admin/exports");
		tmdbApi.put("/admin/clock", "{\"time\":\"12:00\"}");
	}

	/** Reads one of the fleet's topics from its beginning; close it after use. */
	TopicReader reader(String topic) {
		return new TopicReader(kafkaBrokers, topic);
	}

	JdbcTemplate database() {
		return jdbc;
	}

	/** Records a queued import as the gateway would, for tests that then play the workers. */
	void recordQueuedImport(UUID id) {
		jdbc.update("insert into import_jobs (id, source, params, status) values (?, 'popular', '{}', 'QUEUED')", id);
	}

	/**
	 * Sends messages as a worker would (non-transactional, in this order), and waits until Kafka
	 * has them all.
	 */
	void publish(List<? extends FleetMessage> messages) {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBrokers),
					new StringSerializer(), new FleetMessageSerializer());
		}
		for (FleetMessage message : messages) {
			producer.send(new ProducerRecord<>(topicOf(message), message.key(), message));
		}
		producer.flush();
	}

	private static String topicOf(FleetMessage message) {
		return switch (message) {
			case MovieFetched movie -> Topics.MOVIES;
			case MovieNotFetched movie -> Topics.MOVIES;
			case ImportProgress progress -> Topics.PROGRESS;
			default -> throw new IllegalArgumentException("not a worker's message: " + message);
		};
	}

	@Override
	public void close() {
		if (producer != null) {
			producer.close();
			producer = null;
		}
		for (int i = services.size() - 1; i >= 0; i--) {
			services.get(i).close();
		}
		services.clear();
	}

	/** Where the fleet's PostgreSQL database is. */
	record Database(String url, String user, String password) {
	}

}
