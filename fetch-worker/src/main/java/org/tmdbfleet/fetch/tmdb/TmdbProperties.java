package org.tmdbfleet.fetch.tmdb;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where TMDB is and how to talk to it. With a read token it is sent as
 * {@code Authorization: Bearer}; otherwise the v3 api key goes in the {@code api_key} query
 * parameter. Neither is ever logged or exposed.
 *
 * @param baseUrl TMDB's base URL ({@code TMDB_BASE_URL}); the simulator speaks the same API
 * @param apiKey v3 api key ({@code TMDB_API_KEY})
 * @param readToken v4 read access token ({@code TMDB_READ_TOKEN}), preferred when both are set
 * @param connectTimeout time to open a connection
 * @param readTimeout time to wait for a response
 * @param maxAttempts attempts per request for transient failures (5xx, 429, timeouts, resets)
 * @param retryInitialInterval first pause between attempts, doubled each time, with jitter
 * @param retryMaxInterval longest pause between attempts (a longer Retry-After is honoured)
 * @param exportsUrl the host of TMDB's daily ID exports ({@code TMDB_EXPORTS_URL}), files under
 * {@code /p/exports/}; the simulator serves them too
 * @param exportTimeout the most one catalog import's export read may take, body included: a host
 * that sends its headers and then stalls would otherwise hold a planner thread forever
 */
@Validated
@ConfigurationProperties("tmdb")
public record TmdbProperties(@DefaultValue("https://api.themoviedb.org") @NotNull URI baseUrl, String apiKey,
		String readToken, @DefaultValue("5s") @NotNull Duration connectTimeout,
		@DefaultValue("10s") @NotNull Duration readTimeout, @DefaultValue("4") @Min(1) int maxAttempts,
		@DefaultValue("500ms") @NotNull Duration retryInitialInterval,
		@DefaultValue("10s") @NotNull Duration retryMaxInterval,
		@DefaultValue("https://files.tmdb.org") @NotNull URI exportsUrl,
		@DefaultValue("5m") @NotNull Duration exportTimeout) {

	/** Keeps the credentials out of every log line and actuator output that prints this. */
	@Override
	public String toString() {
		return "TmdbProperties[baseUrl=" + baseUrl + ", exportsUrl=" + exportsUrl + ", apiKey=" + mask(apiKey) + ", readToken=" + mask(readToken)
				+ "]";
	}

	private static String mask(String secret) {
		return (secret == null || secret.isBlank()) ? "<unset>" : "<set>";
	}

}
