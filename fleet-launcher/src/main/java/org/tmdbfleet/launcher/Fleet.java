package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The whole fleet as separate processes: start, stop, scale, crash and restart any part of it.
 * {@code ./fleet} is a thin command line over this class, and the multi-process tests drive it
 * directly, so the tests exercise exactly what users run.
 */
public final class Fleet {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final List<String> STOP_ORDER = List.of("prometheus", "catalog", "fetch", "gateway", "persist",
			"simulator", "kafka", "postgres");

	private final FleetSettings settings;

	private final ProcessRegistry registry;

	private final Components components;

	private final PrintStream out;

	public Fleet(FleetSettings settings, PrintStream out) {
		this.settings = settings;
		this.registry = new ProcessRegistry(settings.home());
		this.components = new Components(settings, registry);
		this.out = out;
	}

	/** Starts what is not running yet and waits until every part is healthy. */
	public void up(int fetchWorkers, int persistWorkers, int catalogs, boolean prometheus) {
		if (settings.ownsKafka()) {
			KafkaBroker.prepareAll(settings);
		}
		List<List<String>> stages = stages(fetchWorkers, persistWorkers, catalogs);
		stages.stream().flatMap(List::stream).forEach(this::requireFreePortUnlessRunning); // all or nothing
		stages.forEach(this::start);
		if (prometheus) {
			startPrometheus();
		}
	}

	/**
	 * What {@code up} starts, in stages that each wait until the one before is healthy: the
	 * infrastructure; the gateway, whose Flyway migrates the schema, with the workers; then the
	 * catalog API, which only reads that schema. The nodes of a Kafka cluster start together: none
	 * is ready before a majority of them runs.
	 */
	List<List<String>> stages(int fetchWorkers, int persistWorkers, int catalogs) {
		List<String> infrastructure = new ArrayList<>();
		if (settings.ownsKafka()) {
			KafkaBroker.all(settings).forEach(broker -> infrastructure.add(broker.name()));
		}
		if (settings.ownsDatabase()) {
			infrastructure.add("postgres");
		}
		if (settings.ownsSimulator()) {
			infrastructure.add("simulator");
		}
		List<String> services = new ArrayList<>(List.of("gateway"));
		IntStream.rangeClosed(1, fetchWorkers).forEach(i -> services.add("fetch-" + i));
		IntStream.rangeClosed(1, persistWorkers).forEach(i -> services.add("persist-" + i));
		List<String> readers = IntStream.rangeClosed(1, catalogs).mapToObj(i -> "catalog-" + i).toList();
		return List.of(infrastructure, services, readers);
	}

	/**
	 * Stops everything this fleet started, services first, the broker and the database last; the
	 * instances of one kind at once (the last node of a Kafka cluster left alone would wait for a
	 * quorum that is gone).
	 */
	public void down() {
		Map<String, List<String>> byKind = new TreeMap<>(
				Comparator.<String>comparingInt(STOP_ORDER::indexOf).thenComparing(Comparator.naturalOrder()));
		registry.names().forEach(name -> byKind.computeIfAbsent(Components.kind(name), kind -> new ArrayList<>()).add(name));
		byKind.forEach((kind, names) -> {
			boolean infrastructure = List.of("kafka", "postgres").contains(kind);
			registry.stop(names, infrastructure ? Duration.ofSeconds(60) : Duration.ofSeconds(30))
				.forEach(name -> out.println("stopped " + name));
		});
	}

	/** Adds or removes worker and catalog API instances while the fleet runs. */
	public void scale(int fetchWorkers, int persistWorkers, int catalogs) {
		resize("fetch", fetchWorkers);
		resize("persist", persistWorkers);
		resize("catalog", catalogs);
		refreshPrometheus();
	}

	/** A crash: SIGKILL, no shutdown hooks, no goodbye to Kafka or PostgreSQL. */
	public void kill(String name) {
		if (!registry.kill(name)) {
			throw new FleetException(name + " is not running");
		}
		out.println("killed " + name + " (SIGKILL)");
	}

	/** A clean stop (SIGTERM), as an operator would do it. */
	public void stop(String name) {
		registry.stop(name, Duration.ofSeconds(60));
		out.println("stopped " + name);
	}

	/** Starts one instance (again) and waits until it is healthy. */
	public void start(String name) {
		if ("kafka".equals(Components.kind(name))) {
			KafkaBroker.prepareAll(settings);
		}
		start(List.of(name));
	}

	public List<InstanceStatus> status() {
		List<InstanceStatus> statuses = new ArrayList<>();
		for (String name : registry.names()) {
			Instance instance = components.of(name);
			Optional<ProcessHandle> process = registry.find(name);
			statuses.add(new InstanceStatus(name, process.map(ProcessHandle::pid).orElse(-1L), process.isPresent(),
					process.isPresent() && instance.health().healthy(), instance.url(), registry.log(name)));
		}
		return statuses;
	}

	public List<String> running(String kind) {
		return registry.names()
			.stream()
			.filter(name -> Components.kind(name).equals(kind))
			.filter(name -> registry.find(name).isPresent())
			.toList();
	}

	public String gatewayUrl() {
		return "http://localhost:" + settings.gatewayPort();
	}

	/** The first catalog API that runs: TMDB's {@code /3} paths answered from the database. */
	public Optional<String> catalogUrl() {
		return running("catalog").stream().sorted(Comparator.comparingInt(Components::index)).findFirst().map(this::url);
	}

	public String url(String name) {
		return components.of(name).url();
	}

	public Path log(String name) {
		return registry.log(name);
	}

	/** The same fleet with a single Kafka broker (1) or a cluster of three (3). */
	public Fleet withKafkaBrokers(int brokers) {
		return brokers == settings.kafkaBrokers() ? this : new Fleet(settings.withKafkaBrokers(brokers), out);
	}

	public FleetSettings settings() {
		return settings;
	}

	private void resize(String kind, int wanted) {
		List<String> current = running(kind);
		List<String> toStart = new ArrayList<>();
		for (int i = 1; current.size() + toStart.size() < wanted; i++) {
			String name = kind + "-" + i;
			if (!current.contains(name)) {
				toStart.add(name);
			}
		}
		start(toStart);
		List<String> surplus = new ArrayList<>(current);
		surplus.sort(Comparator.comparingInt(Components::index).reversed());
		for (String name : surplus.subList(0, Math.max(0, current.size() - wanted))) {
			registry.stop(name, Duration.ofSeconds(30));
			out.println("stopped " + name);
		}
	}

	private void start(List<String> names) {
		List<Instance> started = new ArrayList<>();
		for (String name : names) {
			if (registry.find(name).isPresent()) {
				continue;
			}
			requireFreePortUnlessRunning(name);
			Instance instance = components.of(name);
			registry.start(name, instance.command(), instance.environment());
			out.println("starting " + name + " (log: " + registry.log(name) + ")");
			started.add(instance);
		}
		awaitHealthy(started);
	}

	private void requireFreePortUnlessRunning(String name) {
		Instance instance = components.of(name);
		if (registry.find(name).isEmpty() && !PortAllocator.isFree(instance.port())) {
			throw new FleetException("Port " + instance.port() + " for " + name + " is already taken. Stop what "
					+ "uses it, or set " + instance.portVariable() + " to another port.");
		}
	}

	private void awaitHealthy(List<Instance> instances) {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		List<Instance> waiting = new ArrayList<>(instances);
		while (!waiting.isEmpty()) {
			for (Instance instance : List.copyOf(waiting)) {
				if (registry.find(instance.name()).isEmpty()) {
					throw new FleetException(instance.name() + " exited during startup; last lines of "
							+ registry.log(instance.name()) + ":\n" + tail(registry.log(instance.name())));
				}
				if (instance.health().healthy()) {
					out.println("  " + instance.name() + " is up" + (instance.url() == null ? "" : " at " + instance.url()));
					waiting.remove(instance);
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new FleetException("Not healthy after " + START_TIMEOUT.toMinutes() + " minutes: "
						+ waiting.stream().map(Instance::name).toList() + "; see their logs under "
						+ settings.home().resolve("logs"));
			}
			pause(Duration.ofMillis(300));
		}
	}

	private void startPrometheus() {
		if (Prometheus.binary().isEmpty()) {
			out.println("Prometheus not started: no prometheus binary on the PATH. Install it "
					+ "(Debian/Ubuntu: sudo apt-get install prometheus) and run ./fleet up --prometheus again.");
			return;
		}
		refreshPrometheus();
		start(List.of("prometheus"));
	}

	private void refreshPrometheus() {
		// scrape jobs named after the services, as in docker-compose: the rules and dashboards use them
		Map<String, List<Integer>> ports = new LinkedHashMap<>();
		Components.SERVICES.forEach((kind, job) -> {
			// every instance this fleet started, running or not: a dead one is a target that is down
			List<Integer> kindPorts = registry.names()
				.stream()
				.filter(name -> Components.kind(name).equals(kind))
				.map(name -> components.of(name).port())
				.toList();
			if (!kindPorts.isEmpty()) {
				ports.put(job, kindPorts);
			}
		});
		new Prometheus(settings).writeConfig(ports);
		if (registry.find("prometheus").isPresent()) {
			HealthChecks.post("http://localhost:" + settings.prometheusPort() + "/-/reload");
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FleetException("Interrupted");
		}
	}

	/** What {@code ./fleet status} shows for one instance. */
	public record InstanceStatus(String name, long pid, boolean alive, boolean healthy, String url, Path log) {
	}

}
