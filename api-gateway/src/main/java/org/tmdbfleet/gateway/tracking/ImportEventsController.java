package org.tmdbfleet.gateway.tracking;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** An import's progress pushed as Server-Sent Events, for dashboards and {@code curl -N}. */
@Tag(name = "imports")
@RestController
class ImportEventsController {

	private final ImportQueries imports;

	private final ImportEventStreams streams;

	ImportEventsController(ImportQueries imports, ImportEventStreams streams) {
		this.imports = imports;
		this.streams = streams;
	}

	@Operation(operationId = "followImport", summary = "Follow an import's progress live",
			description = "Server-Sent Events: a `progress` event (the import, as GET /api/imports/{id} shows it) "
					+ "at once and whenever it changes, then one `end` event (data: the final status) when the "
					+ "import has ended, and the stream closes. Quiet streams get a comment every 15 s.")
	@ApiResponse(responseCode = "200", description = "The event stream",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(implementation = ImportView.class)))
	@GetMapping(path = "/api/imports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id) {
		ImportView first = imports.find(id).orElseThrow(() -> new ImportNotFound(id));
		return streams.follow(first);
	}

}
