package org.tmdbfleet.gateway.schedules;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.tmdbfleet.gateway.imports.ImportRequest;
import org.tmdbfleet.gateway.web.InvalidField;
import org.tmdbfleet.gateway.web.InvalidInput;

import org.springframework.stereotype.Component;

/**
 * A schedule's import, validated as {@code POST /api/imports} validates its body, its errors named
 * {@code import.<field>}: when the schedule is created, and again each time it fires, since a body
 * stored by an earlier version may no longer be valid.
 */
@Component
class ScheduledImports {

	private final Validator validator;

	ScheduledImports(Validator validator) {
		this.validator = validator;
	}

	/** @throws InvalidInput naming each invalid field */
	void validate(ImportRequest request) {
		if (request == null) {
			throw new InvalidInput("import", "is required: the import each run starts, e.g. {\"source\": \"changes\"}");
		}
		Set<ConstraintViolation<ImportRequest>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations.stream()
				.map(violation -> new InvalidField("import." + violation.getPropertyPath(), violation.getMessage()))
				.toList());
		}
	}

}
