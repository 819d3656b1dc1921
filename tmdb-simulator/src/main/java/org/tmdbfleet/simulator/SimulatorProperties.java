package org.tmdbfleet.simulator;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the simulator's catalog and credentials (the faults it injects have their own
 * {@code FaultProperties}). The defaults equal those documented in {@code application.yml}, so
 * the simulator also runs when another module's {@code application.yml} shadows ours on a shared
 * classpath.
 *
 * @param catalogSize number of movies in the catalog
 * @param seed seed of the catalog; the same (size, seed) always yields the same catalog
 * @param apiKey accepted value of the {@code api_key} query parameter
 * @param readToken accepted {@code Authorization: Bearer} token
 * @param today the catalog's date when the simulator starts (now_playing and upcoming, the
 * changes list and the daily exports follow it); {@code PUT /admin/clock} lets days pass
 * @param time the time of day (UTC) on the catalog's clock when it starts: a day's export appears
 * at 08:00
 */
@Validated
@ConfigurationProperties("simulator")
public record SimulatorProperties(
		@DefaultValue("50000") @Min(1) @Max(10_000_000) int catalogSize,
		@DefaultValue("42") long seed,
		@DefaultValue("simulator-key") @NotBlank String apiKey,
		@DefaultValue("simulator-token") @NotBlank String readToken,
		@DefaultValue("2026-11-24") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull LocalDate today,
		@DefaultValue("12:00") @DateTimeFormat(pattern = "H:mm") @NotNull LocalTime time) {

	@Override
	public String toString() {
		// keeps the key and the token out of logs and failure messages
		return "SimulatorProperties[catalogSize=%d, seed=%d, today=%s, time=%s]".formatted(catalogSize, seed, today,
				time);
	}

}
