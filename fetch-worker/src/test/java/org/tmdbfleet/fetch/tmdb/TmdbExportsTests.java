package org.tmdbfleet.fetch.tmdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Reading TMDB's daily export: gzip JSON Lines, read as a stream; the quirks a real file has
 * pass, a file that ends early fails the whole read.
 */
class TmdbExportsTests {

	/** Lines of the export a child JVM with a small heap reads: about 170 MB of text. */
	private static final int BIG_EXPORT_LINES = 1_500_000;

	private static final String CHILD_HEAP = "-Xmx48m";

	@Test
	void readsTheIdsOfEveryLinePassingOverBlankLinesAndUnknownFields() throws IOException {
		byte[] file = gzip("""
				{"adult":false,"id":3924,"original_title":"Blondie","popularity":1.8133,"video":false}

				{"adult":false,"id":6124,"original_title":"Der Mann ohne Namen","popularity":0.6,"video":false,"fleet_note":{"a":1}}
				{"id":8773,"original_title":"L'amour à vingt ans","popularity":2.1,"video":true}
				""");
		BitSet ids = new BitSet();

		int read = TmdbExports.readLines("movie_ids_12_01_2026.json.gz", new ByteArrayInputStream(file), ids);

		assertThat(read).isEqualTo(3);
		assertThat(ids.stream().boxed().toList()).containsExactly(3924, 6124, 8773);
	}

	@Test
	void aFileThatEndsEarlyFailsTheWholeRead() throws IOException {
		byte[] whole = gzip("{\"adult\":false,\"id\":1,\"popularity\":1.0}\n".repeat(10_000));
		byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> TmdbExports
			.readLines("movie_ids_12_01_2026.json.gz", new ByteArrayInputStream(truncated), new BitSet()));
	}

	@Test
	void aLineThatIsNotJsonFailsTheReadNamingTheFileAndLine() throws IOException {
		byte[] file = gzip("{\"id\":1}\n{\"id\":2\n");

		assertThatExceptionOfType(TmdbException.class)
			.isThrownBy(() -> TmdbExports.readLines("movie_ids_12_01_2026.json.gz", new ByteArrayInputStream(file),
					new BitSet()))
			.withMessage("the export movie_ids_12_01_2026.json.gz has a line that is not JSON (line 2)");
	}

	@Test
	void aHostThatStallsMidBodyFailsTheReadAtTheExportTimeoutNamingTheFile() {
		try (ExportHost host = new ExportHost(3924, 6124).thenStalls()) {
			TmdbExports exports = new TmdbExports(properties(host, Duration.ofSeconds(1)),
					Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));

			// without a deadline the read waits for the host forever: the preemptive timeout ends the test then
			assertTimeoutPreemptively(Duration.ofSeconds(15),
					() -> assertThatExceptionOfType(TmdbException.class).isThrownBy(() -> exports.readLatest(false))
						.withMessage("the export movie_ids_12_01_2026.json.gz was not read within 1 s "
								+ "(tmdb.export-timeout)"));
		}
	}

	@Test
	void anExportServedWholeIsReadWithinTheTimeout() {
		try (ExportHost host = new ExportHost(3924, 6124)) {
			TmdbExports exports = new TmdbExports(properties(host, Duration.ofSeconds(1)),
					Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));

			TmdbExports.Export export = exports.readLatest(false);

			assertThat(export.ids().stream().boxed().toList()).containsExactly(3924, 6124);
		}
	}

	@Test
	void anExportMuchLargerThanTheHeapIsReadAsAStream() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process child = new ProcessBuilder(List.of(java.toString(), CHILD_HEAP, "-cp",
				System.getProperty("java.class.path"), TmdbExportsTests.class.getName()))
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

		assertThat(child.exitValue()).as(output).isZero();
		assertThat(output).as("ids read in a " + CHILD_HEAP + " JVM from about 170 MB of text")
			.contains("read " + BIG_EXPORT_LINES + " ids");
	}

	/** In a JVM with a small heap: reads an export generated as it is read, never whole anywhere. */
	public static void main(String[] args) throws Exception {
		PipedInputStream in = new PipedInputStream(1 << 16);
		PipedOutputStream out = new PipedOutputStream(in);
		Thread writer = Thread.ofPlatform().start(() -> writeExport(out));
		BitSet ids = new BitSet();
		int read = TmdbExports.readLines("movie_ids_12_01_2026.json.gz", in, ids);
		writer.join();
		System.out.println("read " + read + " ids, " + ids.cardinality() + " distinct, heap max "
				+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
	}

	private static void writeExport(OutputStream out) {
		try (OutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
			for (int id = 1; id <= BIG_EXPORT_LINES; id++) {
				gzip.write(("{\"adult\":false,\"id\":" + id + ",\"original_title\":\"A title of some length, "
						+ "as TMDB's are " + id + "\",\"popularity\":" + (id % 1000) / 7.0 + ",\"video\":false}\n")
					.getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TmdbProperties properties(ExportHost host, Duration exportTimeout) {
		return new TmdbProperties(URI.create("http://localhost:1"), "key", null, Duration.ofSeconds(5),
				Duration.ofSeconds(10), 1, Duration.ofMillis(100), Duration.ofSeconds(1), URI.create(host.url()),
				exportTimeout);
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
