package org.tmdbfleet.gateway.imports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.gateway.auth.OwnApiCalls;
import org.tmdbfleet.gateway.outbox.Outbox;
import org.tmdbfleet.gateway.tracking.ImportQueries;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ready means ready: before the gateway reports ready (Boot's readiness follows the application
 * runners), the request path of an import is walked once — the HTTP stack, the token check, JSON
 * binding and validation (a POST refused for {@code maxPages: 0}, sent with the gateway's own
 * token when tokens are set, so it passes the check as an authorised client does instead of being
 * refused before validation), an import and its outbox row written, read back as the POST answers
 * it and rolled back, the reads of the API — and the database pool and Kafka's producer are open.
 * So the first POST after readiness costs what the hundredth does, not the class loading and
 * connection setup of every layer. Nothing it does is kept.
 */
@Component
@ConditionalOnBooleanProperty(name = "fleet.gateway.warm-up", matchIfMissing = true)
class ImportPathWarmUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportPathWarmUp.class);

	private static final int ROUNDS = 3;

	private final ApplicationContext context;

	private final ImportCommandRepository imports;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final DataSource dataSource;

	private final KafkaTemplate<Object, Object> kafka;

	private final ImportQueries queries;

	private final JsonMapper json;

	private final OwnApiCalls api;

	ImportPathWarmUp(ApplicationContext context, ImportCommandRepository imports, Outbox outbox,
			TransactionTemplate transactions, DataSource dataSource, KafkaTemplate<Object, Object> kafka,
			ImportQueries queries, JsonMapper json, OwnApiCalls api) {
		this.context = context;
		this.imports = imports;
		this.outbox = outbox;
		this.transactions = transactions;
		this.dataSource = dataSource;
		this.kafka = kafka;
		this.queries = queries;
		this.json = json;
		this.api = api;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		try {
			openDatabasePool();
			openKafkaProducer();
			for (int round = 0; round < ROUNDS; round++) {
				writeAndRollBack();
				walkTheApi();
			}
			log.info("Import path warmed up in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (RuntimeException ex) {
			// a gateway that cannot warm up (the database is down, say) still starts, as before
			log.warn("Import path not warmed up: {}", ex.toString());
		}
	}

	/** Hikari opens its connections in the background; wait (a little) until they are there. */
	private void openDatabasePool() {
		if (!(dataSource instanceof HikariDataSource hikari) || hikari.getHikariPoolMXBean() == null) {
			return;
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (hikari.getHikariPoolMXBean().getTotalConnections() < hikari.getMinimumIdle()
				&& System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The relay's producer and the imports topic's metadata, at most {@code max.block.ms}. */
	private void openKafkaProducer() {
		try {
			kafka.partitionsFor(Topics.IMPORTS);
		}
		catch (RuntimeException ex) {
			log.info("Kafka not reachable while warming up; the outbox relays commands once it is: {}", ex.toString());
		}
	}

	private void writeAndRollBack() {
		transactions.executeWithoutResult(status -> {
			UUID id = UUID.randomUUID();
			imports.insertQueued(id, ImportSource.POPULAR.wireName(), "{}", 1, null, null);
			outbox.append(Topics.IMPORTS, List.of(new ImportRequested(id, ImportSource.POPULAR, 1, ImportFilters.NONE,
					Instant.now(), false)));
			// the answer of a POST: the import read back and written as JSON
			queries.find(id).ifPresent(json::writeValueAsString);
			status.setRollbackOnly();
		});
	}

	private void walkTheApi() {
		if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		String base = "http://localhost:" + web.getWebServer().getPort();
		try (HttpClient http = HttpClient.newHttpClient()) {
			send(http, api.authorized(HttpRequest.newBuilder(URI.create(base + "/api/imports")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"popular\",\"maxPages\":0}")));
			send(http, HttpRequest.newBuilder(URI.create(base + "/api/imports?size=1")).GET());
			send(http, HttpRequest.newBuilder(URI.create(base + "/api/imports/" + UUID.randomUUID())).GET());
			send(http, HttpRequest.newBuilder(URI.create(base + "/api/movies?size=1")).GET());
		}
	}

	private static void send(HttpClient http, HttpRequest.Builder request) {
		try {
			http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			log.debug("Warm-up request failed: {}", ex.toString());
		}
	}

}
