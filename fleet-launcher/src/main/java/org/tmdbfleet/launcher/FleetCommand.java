package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** The {@code ./fleet} command line. */
public final class FleetCommand {

	static final String USAGE = """
			usage: ./fleet COMMAND
			  up [--fetch N] [--persist M] [--catalog K] [--brokers 3] [--prometheus]
			                                               start the fleet (defaults: 2 fetch, 2 persist workers, 1 catalog API,
			                                               1 Kafka broker; --brokers 3: a cluster kafka-1..3, every topic on 3)
			  down                                         stop everything ./fleet started
			  status                                       list processes with their health, consumer lag and dead letters
			  logs SERVICE [--lines N]                     show a process's log (kafka, kafka-1, gateway, fetch-1, catalog-1, ...)
			  scale fetch=N persist=M catalog=K            add or remove workers and catalog APIs while running
			  import SOURCE [--pages N] [--details] [--from DATE --to DATE]
			                                               start an import and follow it (exit 0 only on COMPLETED)
			  follow ID                                    follow an import started earlier (exit 0 only on COMPLETED)
			  cancel ID                                    cancel an import: no page of it starts any more
			  retry ID                                     re-fetch the failed pages of an import and follow it
			  schedules                                    list the schedules: when, what, next due time, last run
			  demo                                         up + an import of 100 pages of popular, left running, readable as TMDB
			SOURCE: popular | top_rated | now_playing | upcoming | discover | changes | catalog
			        (--from/--to: release dates for discover, the days of the changes for changes)
			Environment: FLEET_HOME, FLEET_*_PORT, FLEET_KAFKA_BROKERS, SPRING_KAFKA_BOOTSTRAP_SERVERS,
			             SPRING_DATASOURCE_URL, TMDB_BASE_URL, TMDB_API_KEY, TMDB_READ_TOKEN, FLEET_API_TOKEN,
			             FLEET_CATALOG_KEYS (see docs/running.md)""";

	private final PrintStream out;

	private final Fleet fleet;

	public FleetCommand(PrintStream out, Fleet fleet) {
		this.out = out;
		this.fleet = fleet;
	}

	public static void main(String[] args) {
		try {
			if (args.length > 0 && args[0].equals("_postgres")) {
				PostgresServer.run(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
				return;
			}
			Path repository = Path.of(System.getProperty("fleet.repository", ".")).toAbsolutePath().normalize();
			Fleet fleet = new Fleet(FleetSettings.fromEnvironment(repository, System.getenv()), System.out);
			System.exit(new FleetCommand(System.out, fleet).run(args));
		}
		catch (FleetException ex) {
			System.err.println("fleet: " + ex.getMessage());
			System.exit(2);
		}
		catch (IOException | InterruptedException ex) {
			System.err.println("fleet: " + ex);
			System.exit(2);
		}
	}

	/** Runs one command; answers its exit status. */
	public int run(String... args) throws IOException {
		if (args.length == 0) {
			out.println(USAGE);
			return 1;
		}
		List<String> options = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
		return switch (args[0]) {
			case "up" -> up(options);
			case "down" -> {
				fleet.down();
				SavedEnvironment.forget(fleet.settings().home());
				yield 0;
			}
			case "status" -> status();
			case "logs" -> logs(options);
			case "scale" -> scale(options);
			case "import" -> importAndFollow(options);
			case "follow" -> follow(watch(), importId(options));
			case "cancel" -> {
				JsonNode view = watch().cancel(importId(options));
				out.println("Import " + view.path("id").asString() + ": " + view.path("status").asString());
				yield 0;
			}
			case "retry" -> {
				UUID id = importId(options);
				ImportWatch watch = watch();
				watch.retry(id);
				out.println("Import " + id + ": retrying what failed");
				yield follow(watch, id);
			}
			case "schedules" -> schedules();
			case "demo" -> {
				up(List.of());
				int status = importAndFollow(List.of("popular", "--pages", "100"));
				fleet.catalogUrl().ifPresent(url -> out.println("Use it as TMDB: " + url + "/3/  e.g. curl " + url
						+ "/3/genre/movie/list" + keyHint()));
				yield status;
			}
			default -> {
				out.println(USAGE);
				yield 1;
			}
		};
	}

	private int schedules() {
		JsonNode schedules = watch().schedules();
		if (schedules.isEmpty()) {
			out.println("No schedules. Create one with POST /api/schedules (see docs/api.md: Keeping the catalog fresh).");
			return 0;
		}
		out.println(String.format("%-20s %-16s %-14s %-30s %-22s %s", "NAME", "CRON", "ZONE", "IMPORT", "NEXT RUN",
				"LAST RUN"));
		schedules.forEach(schedule -> out.println(ImportWatch.scheduleLine(schedule)));
		return 0;
	}

	private int up(List<String> options) throws IOException {
		int fetch = intOption(options, "--fetch", 2);
		int persist = intOption(options, "--persist", 2);
		int catalog = intOption(options, "--catalog", 1);
		Path home = fleet.settings().home();
		Files.createDirectories(home);
		int brokers = intOption(options, "--brokers", fleet.settings().kafkaBrokers());
		boolean running = SavedEnvironment.whileRunning(home) != null;
		if (running && brokers != fleet.settings().kafkaBrokers()) {
			throw new FleetException("This fleet runs " + fleet.settings().kafkaBrokers() + " Kafka broker(s); "
					+ "./fleet down first to start it with " + brokers);
		}
		Fleet fleet = this.fleet.withKafkaBrokers(brokers);
		if (!running) {
			// later commands (scale, status) must know the brokers: kept with the rest of the environment
			Map<String, String> environment = new HashMap<>(System.getenv());
			environment.put("FLEET_KAFKA_BROKERS", Integer.toString(brokers));
			SavedEnvironment.save(home, environment);
		}
		fleet.up(fetch, persist, catalog, options.contains("--prometheus"));
		out.println();
		out.println("The fleet is up:");
		printAddress("Console", fleet.gatewayUrl() + "/");
		printAddress("API", fleet.gatewayUrl() + "/api/imports");
		fleet.catalogUrl().ifPresent(url -> printAddress("Use it as TMDB", url + "/3/" + keyHint()));
		fleet.status()
			.stream()
			.filter(instance -> instance.url() != null)
			.forEach(instance -> printAddress(instance.name(), instance.url()));
		out.println("Try: ./fleet import popular --pages 25     Stop: ./fleet down");
		return 0;
	}

	private void printAddress(String what, String url) {
		out.printf("  %-15s %s%n", what, url);
	}

	/** How to present a key, when the catalog API wants one (never the key itself). */
	private String keyHint() {
		return fleet.settings().catalogKeys().isBlank() ? "" : "  (?api_key= one of FLEET_CATALOG_KEYS)";
	}

	private int status() {
		List<Fleet.InstanceStatus> statuses = fleet.status();
		if (statuses.isEmpty()) {
			out.println("Nothing is running (./fleet up starts the fleet).");
			return 0;
		}
		out.printf("%-12s %8s  %-9s %s%n", "NAME", "PID", "HEALTH", "URL");
		for (Fleet.InstanceStatus status : statuses) {
			String health = !status.alive() ? "EXITED" : status.healthy() ? "UP" : "STARTING";
			out.printf("%-12s %8s  %-9s %s%n", status.name(), status.alive() ? status.pid() : "-", health,
					status.url() == null ? "" : status.url());
		}
		if (statuses.stream().anyMatch(status -> status.name().equals("gateway"))) {
			KafkaBacklogReport.print(fleet.gatewayUrl(), out);
		}
		return statuses.stream().allMatch(Fleet.InstanceStatus::healthy) ? 0 : 1;
	}

	private int logs(List<String> options) throws IOException {
		if (options.isEmpty()) {
			throw new FleetException("Which log? ./fleet logs SERVICE (e.g. gateway, fetch-1, kafka)");
		}
		Path log = fleet.log(options.get(0));
		if (!Files.exists(log)) {
			throw new FleetException("No log for " + options.get(0) + " at " + log);
		}
		List<String> lines = Files.readAllLines(log);
		int count = intOption(options, "--lines", 200);
		lines.subList(Math.max(0, lines.size() - count), lines.size()).forEach(out::println);
		return 0;
	}

	private int scale(List<String> options) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		List.of("fetch", "persist", "catalog").forEach(kind -> counts.put(kind, fleet.running(kind).size()));
		for (String option : options) {
			String[] pair = option.split("=", 2);
			if (pair.length != 2 || !counts.containsKey(pair[0])) {
				throw new FleetException("Expected fetch=N, persist=N or catalog=N, got '" + option + "'");
			}
			counts.put(pair[0], parse(pair[1], option));
		}
		fleet.scale(counts.get("fetch"), counts.get("persist"), counts.get("catalog"));
		out.println("fetch workers: " + fleet.running("fetch").size() + ", persist workers: "
				+ fleet.running("persist").size() + ", catalog APIs: " + fleet.running("catalog").size());
		return 0;
	}

	private int importAndFollow(List<String> options) {
		if (options.isEmpty() || options.get(0).startsWith("--")) {
			throw new FleetException("Which list? ./fleet import SOURCE [--pages N] ...");
		}
		Integer pages = options.contains("--pages") ? intOption(options, "--pages", 0) : null;
		String body = ImportWatch.request(options.get(0), pages, options.contains("--details"),
				stringOption(options, "--from"), stringOption(options, "--to"));
		ImportWatch watch = watch();
		UUID id = watch.start(body);
		out.println("Import " + id + " accepted: " + fleet.gatewayUrl() + "/api/imports/" + id + "  (console: "
				+ fleet.gatewayUrl() + "/#/imports/" + id + ")");
		return follow(watch, id);
	}

	private static int follow(ImportWatch watch, UUID id) {
		JsonNode end = watch.follow(id, Duration.ofHours(12));
		return "COMPLETED".equals(end.path("status").asString()) ? 0 : 1;
	}

	private ImportWatch watch() {
		return new ImportWatch(fleet.gatewayUrl(), out, System.console() != null);
	}

	private static UUID importId(List<String> options) {
		if (options.isEmpty()) {
			throw new FleetException("Which import? Give its id (./fleet import prints it)");
		}
		try {
			return UUID.fromString(options.get(0));
		}
		catch (IllegalArgumentException ex) {
			throw new FleetException("'" + options.get(0) + "' is not an import id (a UUID)");
		}
	}

	private static int intOption(List<String> options, String name, int fallback) {
		String value = stringOption(options, name);
		return value == null ? fallback : parse(value, name);
	}

	private static String stringOption(List<String> options, String name) {
		int index = options.indexOf(name);
		if (index < 0) {
			return null;
		}
		if (index + 1 >= options.size()) {
			throw new FleetException(name + " needs a value");
		}
		return options.get(index + 1);
	}

	private static int parse(String value, String what) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new FleetException(what + " needs a number, not '" + value + "'");
		}
	}

}
