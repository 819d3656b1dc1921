package org.tmdbfleet.simulator.fault;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Changes the injected faults at runtime: {@code GET} shows them, {@code PUT} changes the given
 * fields (e.g. {@code {"latencyMs": 5000}}) and refuses values out of range with 400 and the reason,
 * {@code DELETE} restores the configured ones and resets the page drift. Needs no credentials,
 * unlike {@code /3/**}.
 */
@RestController
@RequestMapping("/admin/faults")
class FaultsController {

	private final Faults faults;

	private final PageShift pageShift;

	FaultsController(Faults faults, PageShift pageShift) {
		this.faults = faults;
		this.pageShift = pageShift;
	}

	@GetMapping
	FaultsView show() {
		return FaultsView.of(faults.current(), pageShift.drift());
	}

	@PutMapping
	FaultsView change(@RequestBody FaultsChange change) {
		try {
			return FaultsView.of(faults.update(change::applyTo), pageShift.drift());
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	@DeleteMapping
	FaultsView reset() {
		pageShift.reset();
		return FaultsView.of(faults.reset(), pageShift.drift());
	}

}
