package org.tmdbfleet.simulator.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.tmdbfleet.simulator.catalog.Catalog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * TMDB's daily ID exports, as its files host serves them under {@code /p/exports/}: {@code
 * movie_ids_MM_DD_YYYY.json.gz} holds every movie that is not adult, {@code
 * adult_movie_ids_MM_DD_YYYY.json.gz} the adult ones, each gzip JSON Lines (one object a line,
 * ascending by id), such as {@code {"adult":false,"id":3924,"original_title":"Blondie",
 * "popularity":1.8133,"video":false}}. A day's file is there from 08:00 UTC of that day on (the
 * catalog's clock) and for about three months; any other name answers 404. Files are written
 * while they are sent, never held in memory. The movie set is the catalog's as of that date;
 * popularity is today's.
 */
@RestController
class ExportsController {

	/** Files of this many days back are kept (TMDB keeps about three months). */
	static final int KEPT_DAYS = 90;

	/** A day's file appears at this time (UTC). */
	static final LocalTime PUBLISHED_AT = LocalTime.of(8, 0);

	private static final Pattern NAME = Pattern.compile("(adult_)?movie_ids_(\\d{2}_\\d{2}_\\d{4})\\.json\\.gz");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM_dd_yyyy");

	private final Catalog catalog;

	private final ExportQuirks quirks;

	private final JsonMapper json;

	ExportsController(Catalog catalog, ExportQuirks quirks, JsonMapper json) {
		this.catalog = catalog;
		this.quirks = quirks;
		this.json = json;
	}

	@GetMapping("/p/exports/{file}")
	void export(@PathVariable String file, HttpServletResponse response) throws IOException {
		Matcher name = NAME.matcher(file);
		LocalDate date = name.matches() ? date(name.group(2)) : null;
		if (date == null || !published(date)) {
			response.sendError(HttpStatus.NOT_FOUND.value());
			return;
		}
		boolean adult = name.group(1) != null;
		int day = (int) Math.max(0, ChronoUnit.DAYS.between(catalog.genesis(), date));
		ExportQuirks.Settings settings = quirks.current();
		response.setContentType("application/gzip");
		OutputStream body = response.getOutputStream();
		GZIPOutputStream gzip = new GZIPOutputStream(body, 1 << 16, true);
		Writer lines = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
		int written = 0;
		int rows = catalog.rows();
		for (int index = 0; index < rows; index++) {
			if (!catalog.liveOn(index, day) || catalog.adult(index) != adult) {
				continue;
			}
			if (settings.truncated() && index >= rows / 2) {
				lines.flush(); // what was written so far goes out; the stream never ends properly
				return;
			}
			lines.write(json.writeValueAsString(line(index, settings.unknownField() && written % 100 == 0)));
			lines.write('\n');
			if (settings.blankLine() && written == 0) {
				lines.write('\n');
			}
			written++;
		}
		lines.close();
	}

	private boolean published(LocalDate date) {
		LocalDate today = catalog.today();
		if (date.isAfter(today) || date.isBefore(today.minusDays(KEPT_DAYS))) {
			return false;
		}
		return date.isBefore(today) || !catalog.time().isBefore(PUBLISHED_AT);
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text, DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private Map<String, Object> line(int index, boolean unknownField) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("adult", catalog.adult(index));
		line.put("id", catalog.id(index));
		line.put("original_title", catalog.originalTitle(index));
		line.put("popularity", catalog.popularity(index));
		line.put("video", false);
		if (unknownField) {
			line.put("fleet_note", Map.of("source", "tmdb-simulator"));
		}
		return line;
	}

	/** Shows what is wrong with the files served next. */
	@GetMapping("/admin/exports")
	ExportQuirks.Settings quirks() {
		return quirks.current();
	}

	/** Sets what is wrong with the files served next, e.g. {@code {"truncated": true}}. */
	@PutMapping("/admin/exports")
	ExportQuirks.Settings changeQuirks(@RequestBody ExportQuirks.Change change) {
		if (change == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a body is required");
		}
		return quirks.set(change.settings());
	}

	@DeleteMapping("/admin/exports")
	ExportQuirks.Settings resetQuirks() {
		return quirks.set(ExportQuirks.Settings.NONE);
	}

}
