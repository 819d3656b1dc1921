package org.tmdbfleet.gateway.tracking;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.gateway.tracking.ImportView.FailedMovie;
import org.tmdbfleet.gateway.tracking.ImportView.FailedPage;
import org.tmdbfleet.gateway.web.PageView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Imports as they stand: the list, one import's exact progress, and what failed in it. */
@Tag(name = "imports")
@RestController
@RequestMapping("/api/imports")
class ImportQueryController {

	private final ImportQueries imports;

	ImportQueryController(ImportQueries imports) {
		this.imports = imports;
	}

	@Operation(operationId = "listImports", summary = "List imports, newest first")
	@GetMapping
	PageView<ImportSummary> list(@Parameter(description = "Only imports with this status; STALLED finds unfinished "
			+ "imports nobody works on") @RequestParam(required = false) ImportStatus status,
			@RequestParam(required = false) ImportSource source,
			@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
		return imports.list(status, source, page, size);
	}

	@Operation(operationId = "getImport", summary = "An import's exact progress",
			description = "Counts, status and the first failures; the same cost at any size of import.")
	@GetMapping("/{id}")
	ImportView get(@PathVariable UUID id) {
		return imports.find(id).orElseThrow(() -> new ImportNotFound(id));
	}

	@Operation(operationId = "listFailedPages", summary = "An import's failed pages with their reasons, in page order")
	@GetMapping("/{id}/failed-pages")
	PageView<FailedPage> failedPages(@PathVariable UUID id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
		return imports.failedPages(id, page, size).orElseThrow(() -> new ImportNotFound(id));
	}

	@Operation(operationId = "listFailedMovies",
			summary = "An import's failed movies with their reasons, in TMDB id order")
	@GetMapping("/{id}/failed-movies")
	PageView<FailedMovie> failedMovies(@PathVariable UUID id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
		return imports.failedMovies(id, page, size).orElseThrow(() -> new ImportNotFound(id));
	}

}
