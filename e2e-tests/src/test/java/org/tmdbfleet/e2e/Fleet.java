package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.postgresql.ds.PGSimpleDataSource;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.testing.TestDatabase;
import org.tmdbfleet.fetch.FetchWorkerApplication;
import org.tmdbfleet.gateway.GatewayApplication;
import org.tmdbfleet.persist.PersistWorkerApplication;
import org.tmdbfleet.simulator.TmdbSimulatorApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

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

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	private final JdbcTemplate jdbc;

	private final ConfigurableApplicationContext simulator;

	private final ConfigurableApplicationContext gateway;

	private final ConfigurableApplicationContext fetchWorker;

	private final ConfigurableApplicationContext persistWorker;

	/** A fleet on the given Kafka and a fresh database of the embedded PostgreSQL. */
	Fleet(String kafkaBrokers, String... simulatorArgs) {
		this(new Database(TestDatabase.newDatabase(), "postgres", "postgres"), kafkaBrokers, simulatorArgs);
	}

	Fleet(Database database, String kafkaBrokers, String... simulatorArgs) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(database.url());
		dataSource.setUser(database.user());
		dataSource.setPassword(database.password());
		this.jdbc = new JdbcTemplate(dataSource);
		try {
			this.simulator = start(TmdbSimulatorApplication.application(),
					Stream.concat(Stream.of(NO_DATABASE + "," + NO_KAFKA), Stream.of(simulatorArgs)));
			String[] kafka = { "--spring.kafka.bootstrap-servers=" + kafkaBrokers };
			String[] db = { "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.user(),
					"--spring.datasource.password=" + database.password() };
			this.gateway = start(GatewayApplication.application(), Stream.concat(Stream.of(kafka), Stream.of(db)));
			this.persistWorker = start(PersistWorkerApplication.application(),
					Stream.concat(Stream.of(kafka), Stream.of(db)));
			this.fetchWorker = start(FetchWorkerApplication.application(), Stream.of(kafka[0], NO_DATABASE,
					"--tmdb.base-url=" + simulatorUrl(), "--tmdb.api-key=simulator-key"));
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
		Http gateway = new Http(gatewayUrl());
		String id = FleetJson.MAPPER
			.readTree(gateway.post("/api/imports", "{\"source\":\"upcoming\",\"maxPages\":2}").getBody())
			.path("id")
			.asString();
		Awaitility.await()
			.atMost(Duration.ofMinutes(1))
			.until(() -> "COMPLETED".equals(gateway.getJson("/api/imports/" + id).path("status").asString()));
		return this;
	}

	private ConfigurableApplicationContext start(SpringApplication application, Stream<String> args) {
		ConfigurableApplicationContext context = application
			.run(Stream.concat(Stream.of("--server.port=0"), args).toArray(String[]::new));
		services.add(context);
		return context;
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

	JdbcTemplate database() {
		return jdbc;
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	@Override
	public void close() {
		for (int i = services.size() - 1; i >= 0; i--) {
			services.get(i).close();
		}
		services.clear();
	}

	/** Where the fleet's PostgreSQL database is. */
	record Database(String url, String user, String password) {
	}

}
