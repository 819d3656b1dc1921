package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The processes the fleet started, by name, recorded as pid files under {@code <home>/run}. A
 * pid file also holds the process's start time, so a recycled pid is never mistaken for ours:
 * {@code down} stops exactly what {@code up} started.
 */
final class ProcessRegistry {

	/** Written to a log before each launch, so "since this launch" can be told in the log. */
	static final String LAUNCH_MARKER = "---- fleet: launching ";

	private final Path runDirectory;

	private final Path logDirectory;

	ProcessRegistry(Path home) {
		this.runDirectory = home.resolve("run");
		this.logDirectory = home.resolve("logs");
	}

	/** Starts the command in a session of its own (Ctrl-C on the launcher leaves it running). */
	ProcessHandle start(String name, List<String> command, Map<String, String> environment) {
		try {
			Files.createDirectories(runDirectory);
			Files.createDirectories(logDirectory);
			List<String> detached = new ArrayList<>();
			if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
				detached.add("setsid");
			}
			detached.addAll(command);
			Files.writeString(log(name), LAUNCH_MARKER + name + " at " + Instant.now() + " ----\n",
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(detached).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			builder.environment().putAll(environment);
			ProcessHandle process = builder.start().toHandle();
			Instant started = process.info().startInstant().orElse(Instant.EPOCH);
			Files.writeString(pidFile(name), process.pid() + " " + started.toEpochMilli() + "\n");
			return process;
		}
		catch (IOException ex) {
			throw new FleetException("Could not start " + name + ": " + ex.getMessage(), ex);
		}
	}

	/** The running process recorded under this name, if it is still the one we started. */
	Optional<ProcessHandle> find(String name) {
		Path file = pidFile(name);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			String[] fields = Files.readString(file).trim().split(" ");
			long pid = Long.parseLong(fields[0]);
			long started = fields.length > 1 ? Long.parseLong(fields[1]) : 0;
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(process -> process.info()
					.startInstant()
					.map(instant -> Math.abs(instant.toEpochMilli() - started) < 1000)
					.orElse(false));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** SIGTERM, then SIGKILL if it has not ended within the grace period. */
	boolean stop(String name, Duration grace) {
		return !stop(List.of(name), grace).isEmpty();
	}

	/**
	 * SIGTERM to all of them at once, then SIGKILL to any that has not ended within the grace
	 * period; answers the names of those that were running.
	 */
	List<String> stop(List<String> names, Duration grace) {
		Map<String, ProcessHandle> running = new LinkedHashMap<>();
		names.forEach(name -> find(name).ifPresent(handle -> running.put(name, handle)));
		running.values().forEach(ProcessHandle::destroy);
		Instant deadline = Instant.now().plus(grace);
		running.values().forEach(handle -> {
			if (!awaitExit(handle, Duration.between(Instant.now(), deadline))) {
				handle.destroyForcibly();
				awaitExit(handle, Duration.ofSeconds(5));
			}
		});
		names.forEach(this::forget);
		return List.copyOf(running.keySet());
	}

	/** SIGKILL at once: a crash, as the chaos tests want it. */
	boolean kill(String name) {
		Optional<ProcessHandle> process = find(name);
		process.ifPresent(handle -> {
			handle.destroyForcibly();
			awaitExit(handle, Duration.ofSeconds(10));
		});
		forget(name);
		return process.isPresent();
	}

	List<String> names() {
		if (!Files.isDirectory(runDirectory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(runDirectory)) {
			return files.map(file -> file.getFileName().toString())
				.filter(file -> file.endsWith(".pid"))
				.map(file -> file.substring(0, file.length() - 4))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path log(String name) {
		return logDirectory.resolve(name + ".log");
	}

	private void forget(String name) {
		try {
			Files.deleteIfExists(pidFile(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path pidFile(String name) {
		return runDirectory.resolve(name + ".pid");
	}

	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			return !process.isAlive();
		}
	}

}
