package org.tmdbfleet.gateway.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.tmdbfleet.gateway.imports.ImportService.Started;
import org.tmdbfleet.gateway.tracking.ImportView;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on imports over HTTP: start one, cancel one, retry what failed (reads: {@code tracking}). */
@Tag(name = "imports")
@RestController
@RequestMapping("/api/imports")
class ImportController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** Set on a 200 that repeats an earlier request's import. */
	static final String REPLAYED = "Idempotent-Replayed";

	private static final String KEY_FORMAT = "\\p{Graph}[\\p{Graph} ]{0,199}";

	private final ImportService imports;

	private final ImportCommands commands;

	private final Clock clock;

	ImportController(ImportService imports, ImportCommands commands, Clock clock) {
		this.imports = imports;
		this.commands = commands;
		this.clock = clock;
	}

	@Operation(operationId = "startImport", summary = "Start an import",
			description = "Records the import and its command in one transaction; never calls TMDB, never waits "
					+ "for workers or for Kafka (the command is relayed to Kafka as soon as it is reachable).")
	@ApiResponse(responseCode = "202", description = "Recorded and queued; Location is the import",
			headers = @Header(name = "Location", description = "/api/imports/{id}"))
	@ApiResponse(responseCode = "200",
			description = "A repeat of an earlier request with the same Idempotency-Key and body: that import, "
					+ "as it stands now; nothing new was queued",
			headers = { @Header(name = "Location", description = "/api/imports/{id}"),
					@Header(name = REPLAYED, description = "true") })
	@ApiResponse(responseCode = "409", description = "The Idempotency-Key was used with a different body")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportView> start(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = { @ExampleObject(name = "popular", summary = "The first 25 pages of popular",
					value = "{\"source\":\"popular\",\"maxPages\":25}"),
					@ExampleObject(name = "discover", summary = "1990s action movies, most popular first",
							value = "{\"source\":\"discover\",\"maxPages\":10,\"filters\":{\"releaseDateFrom\":"
									+ "\"1990-01-01\",\"releaseDateTo\":\"1999-12-31\",\"genres\":[28],"
									+ "\"sortBy\":\"popularity.desc\",\"language\":\"en\",\"region\":\"US\"}}") }))
	@Valid @RequestBody ImportRequest request,
			@Parameter(description = "Makes retries safe: the same key and body return the same import "
					+ "(1 to 200 printable ASCII characters)", example = "5f1c2a7e-retry-safe")
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Pattern(regexp = KEY_FORMAT,
					message = "must be 1 to 200 printable ASCII characters") String idempotencyKey) {
		Started started = imports.start(request.checked(LocalDate.now(clock)), idempotencyKey);
		URI location = URI.create("/api/imports/" + started.view().id());
		if (started.created()) {
			return ResponseEntity.accepted().location(location).body(started.view());
		}
		return ResponseEntity.ok().location(location).header(REPLAYED, "true").body(started.view());
	}

	@Operation(operationId = "cancelImport", summary = "Cancel an import",
			description = "No page of the import starts once the fetch workers have heard of the cancellation "
					+ "(milliseconds); pages in flight finish and their movies are persisted. The answer shows "
					+ "how many pages were done. Cancelling a cancelled import again is harmless.")
	@ApiResponse(responseCode = "200", description = "Cancelled")
	@ApiResponse(responseCode = "409", description = "The import already ended (COMPLETED, FAILED, ...)")
	@PostMapping("/{id}/cancel")
	ImportView cancel(@PathVariable UUID id) {
		return commands.cancel(id);
	}

	@Operation(operationId = "retryImport", summary = "Retry what failed",
			description = "Sends exactly the failed pages to the fetch workers again; when they succeed the import "
					+ "becomes COMPLETED. An import whose planning FAILED (bad credentials, say) runs again from "
					+ "the start.")
	@ApiResponse(responseCode = "202", description = "The failed pages (or the import) are queued again",
			headers = @Header(name = "Location", description = "/api/imports/{id}"))
	@ApiResponse(responseCode = "409", description = "Nothing to retry: no failed page, or the import was cancelled")
	@PostMapping("/{id}/retry")
	ResponseEntity<ImportView> retry(@PathVariable UUID id) {
		ImportView view = commands.retry(id);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + id)).body(view);
	}

}
