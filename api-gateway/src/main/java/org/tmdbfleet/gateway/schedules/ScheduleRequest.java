package org.tmdbfleet.gateway.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.gateway.imports.ImportRequest;
import org.tmdbfleet.gateway.web.InvalidInput;

/**
 * The body of {@code POST /api/schedules}.
 *
 * @param name unique, for people and {@code ./fleet}
 * @param cron when it runs: five fields as crontab, six with seconds first, or a macro
 * @param zone the time zone the cron is read in; default UTC
 * @param importRequest the import each run starts, as {@code POST /api/imports} takes it (checked
 * by the controller, so that its errors name {@code import.<field>})
 */
record ScheduleRequest(
		@Schema(example = "nightly changes") @NotBlank @Pattern(regexp = "\\p{Graph}[\\p{Graph} ]{0,99}",
				message = "must be 1 to 100 printable characters") String name,
		@Schema(description = "minute hour day-of-month month day-of-week (crontab), or six fields with seconds "
				+ "first, or @daily, @weekly, ...", example = "0 3 * * *") @NotBlank String cron,
		@Schema(description = "the time zone the cron is read in; default UTC", example = "Europe/Berlin") String zone,
		@Schema(description = "the import each run starts, as POST /api/imports takes it",
				example = "{\"source\":\"changes\"}") @JsonProperty("import") ImportRequest importRequest) {

	String zoneOrUtc() {
		return (zone == null || zone.isBlank()) ? "UTC" : zone;
	}

	/** The cron and zone parsed, the import checked as the API checks it: a 400 naming the field otherwise. */
	Cron checked(Instant now) {
		Cron cron = Cron.parse(this.cron, zoneOrUtc());
		if (cron.next(now) == null) {
			throw new InvalidInput("cron", "is never due");
		}
		if (importRequest.source() == ImportSource.CHANGES && (importRequest.from() != null || importRequest.to() != null)) {
			throw new InvalidInput("import.from",
					"a scheduled changes import takes no days: each run goes on from where the last sync ended");
		}
		try {
			importRequest.checked(LocalDate.ofInstant(now, ZoneOffset.UTC));
		}
		catch (InvalidInput ex) {
			throw ex.nested("import");
		}
		return cron;
	}

}
