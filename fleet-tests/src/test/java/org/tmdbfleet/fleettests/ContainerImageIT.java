package org.tmdbfleet.fleettests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code docker/Dockerfile} does, done without a Docker engine: its extract command run on
 * the service's built executable jar, the layers copied in its order into one directory that the
 * service may not write, and its entrypoint started there with the image's {@code JDK_JAVA_OPTIONS},
 * as its user (uid 10001, when the test runs as root), with only a fresh temporary directory
 * writable, as a read-only root filesystem with an emptyDir at {@code /tmp} would leave it. The
 * commands are read from the Dockerfile, so a change there is tested here.
 */
class ContainerImageIT {

	private static final Path REPOSITORY = Path.of(System.getProperty("fleet.repository", ".."))
		.toAbsolutePath()
		.normalize();

	private final Dockerfile dockerfile = Dockerfile.read(REPOSITORY.resolve("docker/Dockerfile"));

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theSimulatorsImageAnswersAsTmdb(@TempDir Path directory) throws Exception {
		Path application = build("tmdb-simulator", directory);
		int port = freePort();

		try (Container container = start(application, directory, Map.of("SERVER_PORT", Integer.toString(port)))) {
			container.awaitReady(port);

			HttpResponse<String> popular = get(port, "/3/movie/popular?api_key=simulator-key");
			assertThat(popular.statusCode()).isEqualTo(200);
			assertThat(JsonMapper.shared().readTree(popular.body()).path("results").size()).isEqualTo(20);
			container.assertRanAsTheImagesUserWritingOnlyToTmp();
		}
	}

	/** The gateway brings Tomcat, Flyway, Hibernate and the Kafka clients: all must do without a writable disk. */
	@Test
	void theGatewaysImageGetsReadyOnARealBrokerAndDatabase(@TempDir Path directory) throws Exception {
		Path application = build("api-gateway", directory);
		int port = freePort();

		try (RunningFleet running = new RunningFleet("container-image", Map.of())) {
			running.fleet().start("kafka");
			running.fleet().start("postgres");
			var settings = running.fleet().settings();
			try (Container container = start(application, directory,
					Map.of("SERVER_PORT", Integer.toString(port), "SPRING_KAFKA_BOOTSTRAP_SERVERS",
							settings.kafkaBootstrap(), "SPRING_DATASOURCE_URL", settings.databaseUrl(),
							"SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres"))) {
				container.awaitReady(port);

				HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
						+ "/api/imports"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"popular\",\"maxPages\":1}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
				String id = JsonMapper.shared().readTree(accepted.body()).path("id").asString();
				assertThat(get(port, "/api/imports").body()).contains(id);
				container.assertRanAsTheImagesUserWritingOnlyToTmp();
			}
		}
	}

	/**
	 * The image's {@code /application}, made as the Dockerfile makes it: the jar copied into the
	 * layers stage, its extract command, then each layer copied over the one before.
	 */
	private Path build(String module, Path directory) throws Exception {
		Path stage = directory.resolve("build");
		Files.createDirectories(stage);
		Path jar;
		try (Stream<Path> files = Files.list(REPOSITORY.resolve(module).resolve("target"))) {
			var matcher = REPOSITORY.getFileSystem().getPathMatcher("glob:" + dockerfile.jar(module));
			jar = files.filter(file -> matcher.matches(REPOSITORY.relativize(file))).findFirst().orElseThrow();
		}
		Files.copy(jar, stage.resolve("application.jar"));
		List<String> extract = new ArrayList<>(dockerfile.extract());
		extract.set(0, java());
		Process process = new ProcessBuilder(extract).directory(stage.toFile()).inheritIO().start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).isZero();

		Path application = directory.resolve("application");
		assertThat(dockerfile.layers()).containsExactly("/build/extracted/dependencies/",
				"/build/extracted/spring-boot-loader/", "/build/extracted/snapshot-dependencies/",
				"/build/extracted/application/");
		for (String layer : dockerfile.layers()) {
			copyTree(stage.resolve(Path.of("/build").relativize(Path.of(layer)).toString()), application);
		}
		// released libraries in the first layer, so that a new build re-sends only the small last one
		Path extracted = stage.resolve("extracted");
		assertThat(names(extracted.resolve("dependencies/lib"))).isNotEmpty().noneMatch(name -> name.contains("SNAPSHOT"));
		assertThat(names(extracted.resolve("application"))).contains("application.jar");
		assertThat(application.resolve("application.jar")).isRegularFile();

		assertThat(dockerfile.uid()).as("the images' user, as the Kubernetes manifests expect it").isEqualTo(10001);
		readOnly(application);
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		return application;
	}

	private Container start(Path application, Path directory, Map<String, String> environment) throws IOException {
		Path tmp = directory.resolve("tmp");
		Files.createDirectories(tmp);
		Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
		List<String> command = new ArrayList<>();
		if (root()) {
			command.addAll(List.of("setpriv", "--reuid=" + dockerfile.uid(), "--regid=" + dockerfile.uid(),
					"--clear-groups", "--"));
		}
		command.add(java());
		command.addAll(dockerfile.entrypoint().subList(1, dockerfile.entrypoint().size()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(application.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("output.log").toFile());
		// a container's environment: the image's and the given, nothing of this machine's but PATH
		builder.environment().clear();
		builder.environment().put("PATH", System.getenv("PATH"));
		builder.environment().put("HOME", "/nonexistent");
		builder.environment().put("JDK_JAVA_OPTIONS", dockerfile.javaOptions() + " -Djava.io.tmpdir=" + tmp);
		builder.environment().putAll(environment);
		return new Container(builder.start(), directory.resolve("output.log"), tmp, dockerfile.uid());
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private record Container(Process process, Path output, Path tmp, int uid) implements AutoCloseable {

		void awaitReady(int port) {
			HttpClient http = HttpClient.newHttpClient();
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				assertThat(process.isAlive()).as(() -> log()).isTrue();
				try {
					return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
							+ "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString())
						.statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}

		/** Its user, and Tomcat's work directory in the only place it may write; no write refused elsewhere. */
		void assertRanAsTheImagesUserWritingOnlyToTmp() throws IOException {
			if (root()) {
				assertThat(Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")))
					.anyMatch(line -> line.matches("Uid:\\s+" + uid + "\\s+" + uid + "\\s+.*"));
			}
			assertThat(names(tmp)).anyMatch(name -> name.startsWith("tomcat."));
			assertThat(log()).doesNotContain("Read-only file system", "Permission denied", "AccessDeniedException");
		}

		String log() {
			try {
				return Files.readString(output);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws InterruptedException {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}

	}

	/** The steps of {@code docker/Dockerfile} this test repeats. */
	private record Dockerfile(String copy, List<String> extract, List<String> layers, int uid, String javaOptions,
			List<String> entrypoint) {

		static Dockerfile read(Path file) {
			try {
				String text = Files.readString(file).replace("\\\n", " ");
				List<String> layers = new ArrayList<>();
				Matcher layer = Pattern.compile("^COPY --from=layers (\\S+) \\./$", Pattern.MULTILINE).matcher(text);
				while (layer.find()) {
					layers.add(layer.group(1));
				}
				return new Dockerfile(group(text, "^COPY (\\$\\{MODULE}/\\S+) application\\.jar$"),
						List.of(group(text, "^RUN (java -Djarmode=tools .+)$").split(" ")), layers,
						Integer.parseInt(group(text, "^USER (\\d+):\\d+$")),
						group(text, "^ENV JDK_JAVA_OPTIONS=\"([^\"]*)\"$"),
						List.of(JsonMapper.shared().readValue(group(text, "^ENTRYPOINT (\\[.+])$"), String[].class)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String jar(String module) {
			return copy.replace("${MODULE}", module);
		}

		private static String group(String text, String regex) {
			Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
			assertThat(matcher.find()).as(regex).isTrue();
			return matcher.group(1);
		}

	}

	private static boolean root() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElseThrow();
	}

	private static List<String> names(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(file -> file.getFileName().toString()).toList();
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/** Readable by everyone, writable by no one: as root-owned files are to uid 10001 in the image. */
	private static void readOnly(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.toList()) {
				Files.setPosixFilePermissions(path,
						PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
			}
		}
	}

}
