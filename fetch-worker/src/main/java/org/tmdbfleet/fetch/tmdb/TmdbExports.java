package org.tmdbfleet.fetch.tmdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.FleetJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * TMDB's daily ID exports: {@code movie_ids_MM_DD_YYYY.json.gz} under {@code /p/exports/} on its
 * files host, gzip JSON Lines (one object a line), adult titles in {@code adult_movie_ids_…}. A
 * day's file appears around 08:00 UTC: before that, yesterday's is the newest. The file is read
 * as a stream, line by line, and only its ids are kept, as a bit set (a million ids take a few
 * hundred kilobytes; the file itself is about 100 MB of text). Blank lines and unknown fields are
 * passed over; a file that ends early (a truncated gzip) or a line that is not JSON fails the read
 * as a whole, so an export is used whole or not at all. The whole read has a deadline ({@code
 * tmdb.export-timeout}): the HTTP client bounds only the wait for the headers, and a host that
 * stalls mid-body would otherwise block the planner's thread forever.
 */
@Component
public class TmdbExports {

	private static final Logger log = LoggerFactory.getLogger(TmdbExports.class);

	private static final DateTimeFormatter NAME_DATE = DateTimeFormatter.ofPattern("MM_dd_yyyy");

	private final TmdbProperties properties;

	private final HttpClient http;

	private final Clock clock;

	/** Closes a body still being read at its deadline, which wakes the reader blocked on it. */
	private final ScheduledExecutorService watchdog = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("export-watchdog").daemon().factory());

	TmdbExports(TmdbProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/**
	 * Reads the newest export: today's (UTC), or yesterday's while today's is not published yet.
	 * @param adult also the adult titles' file of the same day
	 * @throws TmdbException when neither day's file is there, or one cannot be read whole
	 */
	public Export readLatest(boolean adult) {
		LocalDate today = LocalDate.now(clock);
		// the system clock, not the injected one: the deadline bounds real waiting
		Instant deadline = Instant.now().plus(properties.exportTimeout());
		for (LocalDate date : new LocalDate[] { today, today.minusDays(1) }) {
			BitSet ids = new BitSet();
			Optional<Integer> lines = read(fileName(date, false), ids, deadline);
			if (lines.isEmpty()) {
				continue;
			}
			if (adult && read(fileName(date, true), ids, deadline).isEmpty()) {
				throw failure("the adult titles' export " + fileName(date, true) + " is not there");
			}
			log.info("Read TMDB's export of {}: {} movie ids", date, ids.cardinality());
			return new Export(date, ids);
		}
		throw failure("TMDB's export is not there for " + today + " nor " + today.minusDays(1) + " ("
				+ fileName(today, false) + ")");
	}

	static String fileName(LocalDate date, boolean adult) {
		return (adult ? "adult_" : "") + "movie_ids_" + NAME_DATE.format(date) + ".json.gz";
	}

	/** The file's ids into {@code ids}; empty when the file is not there (404). */
	private Optional<Integer> read(String file, BitSet ids, Instant deadline) {
		Duration left = Duration.between(Instant.now(), deadline);
		if (!left.isPositive()) {
			throw timedOut(file);
		}
		URI uri = properties.exportsUrl().resolve("/p/exports/" + file);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout((left.compareTo(properties.readTimeout()) < 0) ? left : properties.readTimeout())
			.GET()
			.build();
		AtomicBoolean expired = new AtomicBoolean();
		ScheduledFuture<?> alarm = null;
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				alarm = watchdog.schedule(() -> expire(body, expired),
						Math.max(0, Duration.between(Instant.now(), deadline).toNanos()), TimeUnit.NANOSECONDS);
				if (response.statusCode() == 404) {
					return Optional.empty();
				}
				if (response.statusCode() != 200) {
					throw failure("the export " + file + " answered HTTP " + response.statusCode());
				}
				int lines = readLines(file, body, ids);
				if (expired.get()) {
					throw timedOut(file); // closed at the deadline, the body may have looked like its end
				}
				return Optional.of(lines);
			}
		}
		catch (IOException ex) {
			if (expired.get() || !Instant.now().isBefore(deadline)) {
				throw timedOut(file);
			}
			throw failure("the export " + file + " could not be read whole: " + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure("reading the export " + file + " was interrupted");
		}
		finally {
			if (alarm != null) {
				alarm.cancel(false);
			}
		}
	}

	private static void expire(InputStream body, AtomicBoolean expired) {
		expired.set(true);
		try {
			body.close();
		}
		catch (IOException ex) {
			log.warn("Closing a stalled export's body failed: {}", ex.toString());
		}
	}

	private TmdbException timedOut(String file) {
		Duration timeout = properties.exportTimeout();
		String within = (timeout.toMillis() % 1000 == 0) ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
		return failure("the export " + file + " was not read within " + within + " (tmdb.export-timeout)");
	}

	/**
	 * Reads a gzip JSON Lines stream, keeping only the ids.
	 * @return the lines that held an id
	 */
	static int readLines(String file, InputStream gzip, BitSet ids) throws IOException {
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(gzip, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
		int read = 0;
		int number = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			JsonNode movie;
			try {
				movie = FleetJson.MAPPER.readTree(line);
			}
			catch (JacksonException ex) {
				throw failure("the export " + file + " has a line that is not JSON (line " + number + ")");
			}
			JsonNode id = movie.path("id");
			if (!id.canConvertToInt() || id.asInt() <= 0) {
				throw failure("the export " + file + " has a line without a movie id (line " + number + ")");
			}
			ids.set(id.asInt());
			read++;
		}
		return read;
	}

	private static TmdbException failure(String message) {
		return new TmdbException(message, false, 0, 0);
	}

	/**
	 * The ids of one day's export.
	 * @param date the date in its file name
	 */
	public record Export(LocalDate date, BitSet ids) {

		public int size() {
			return ids.cardinality();
		}

	}

}
