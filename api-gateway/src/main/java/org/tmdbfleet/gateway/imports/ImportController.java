package org.tmdbfleet.gateway.imports;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Imports over HTTP: start one, read its progress. */
@RestController
@RequestMapping("/api/imports")
class ImportController {

	private final ImportService imports;

	ImportController(ImportService imports) {
		this.imports = imports;
	}

	@PostMapping
	ResponseEntity<ImportView> start(@Valid @RequestBody ImportRequest request) {
		ImportView view = imports.start(request);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + view.id())).body(view);
	}

	@GetMapping("/{id}")
	ImportView get(@PathVariable UUID id) {
		return imports.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import with id " + id));
	}

}
