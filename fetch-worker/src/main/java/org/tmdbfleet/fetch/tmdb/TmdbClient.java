package org.tmdbfleet.fetch.tmdb;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImageConfigurationFetched;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.fetch.ratelimit.RequestRateLimiter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * TMDB over HTTP: rate-limited, time-bounded, retried with exponential backoff and jitter on
 * transient failures, honouring {@code Retry-After}. Every attempt is timed by endpoint and
 * status.
 */
@Component
public class TmdbClient {

	private final TmdbProperties properties;

	private final RequestRateLimiter rateLimiter;

	private final MeterRegistry registry;

	private final RestClient http;

	TmdbClient(TmdbProperties properties, RequestRateLimiter rateLimiter, MeterRegistry registry) {
		this.properties = properties;
		this.rateLimiter = rateLimiter;
		this.registry = registry;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
		requests.setReadTimeout(properties.readTimeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/** One page of a list; throws {@link TmdbException} when TMDB cannot serve it. */
	public TmdbPage fetchList(ImportSource source, ImportFilters filters, int page) {
		return fetchList(source, filters, page, () -> true);
	}

	/**
	 * One page of a list, as long as it is still wanted: asked before every attempt waits for
	 * the rate limiter and again right before it is sent, so no request leaves for a page nobody
	 * wants, nor takes a share of the budget.
	 * @throws RequestAbandoned when {@code wanted} said no
	 */
	public TmdbPage fetchList(ImportSource source, ImportFilters filters, int page, BooleanSupplier wanted) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(properties.baseUrl()).path(TmdbLists.path(source));
		TmdbLists.query(uri, source, filters, page);
		JsonNode body = get(uri, source.wireName(), wanted);
		List<JsonNode> results = new ArrayList<>();
		body.path("results").forEach(results::add);
		return new TmdbPage(body.path("page").asInt(page), body.path("total_pages").asInt(0),
				body.path("total_results").asLong(0), results);
	}

	/**
	 * A movie with its credits, external ids, keywords and release dates, in one request. A 200
	 * whose body is not this movie (a blank {@code {}} from TMDB or a proxy) is malformed: retried,
	 * then thrown like any transient failure.
	 * @throws TmdbException {@link TmdbException#isTmdbNotFound()} when TMDB does not know it
	 */
	public JsonNode fetchDetails(long tmdbId, BooleanSupplier wanted) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(properties.baseUrl())
			.path("/3/movie/" + tmdbId)
			.queryParam("append_to_response", "credits,external_ids,keywords,release_dates");
		return get(uri, "movie", wanted, movie -> movie.path("id").isIntegralNumber()
				&& movie.path("id").canConvertToLong() && movie.path("id").asLong() == tmdbId);
	}

	/** TMDB's movie genres. */
	public List<GenresFetched.Genre> fetchGenres() {
		JsonNode body = get(UriComponentsBuilder.fromUri(properties.baseUrl()).path("/3/genre/movie/list"), "genres",
				() -> true);
		List<GenresFetched.Genre> genres = new ArrayList<>();
		for (JsonNode genre : body.path("genres")) {
			if (genre.path("id").isIntegralNumber() && genre.path("name").isString()) {
				genres.add(new GenresFetched.Genre(genre.path("id").asInt(), genre.path("name").asString()));
			}
		}
		return genres;
	}

	/**
	 * TMDB's {@code /3/configuration}: its image part read (where posters are served), the whole
	 * answer carried as given. Empty when TMDB's answer lacks the base URL.
	 */
	public Optional<ImageConfigurationFetched> fetchImageConfiguration() {
		JsonNode configuration = get(UriComponentsBuilder.fromUri(properties.baseUrl()).path("/3/configuration"),
				"configuration", () -> true);
		JsonNode images = configuration.path("images");
		String secureBaseUrl = images.path("secure_base_url").asString("");
		if (secureBaseUrl.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new ImageConfigurationFetched(images.path("base_url").asString(secureBaseUrl), secureBaseUrl,
				strings(images.path("poster_sizes")), strings(images.path("backdrop_sizes")),
				strings(images.path("profile_sizes")), Instant.now(), configuration));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		for (JsonNode value : array) {
			if (value.isString()) {
				values.add(value.asString());
			}
		}
		return values;
	}

	private JsonNode get(UriComponentsBuilder uri, String endpoint, BooleanSupplier wanted) {
		return get(uri, endpoint, wanted, body -> true);
	}

	/** @param answers whether a 200's JSON object is what was asked for */
	private JsonNode get(UriComponentsBuilder uri, String endpoint, BooleanSupplier wanted,
			Predicate<JsonNode> answers) {
		for (int attempt = 1;; attempt++) {
			try {
				return attempt(uri, endpoint, wanted, answers);
			}
			catch (TmdbException ex) {
				if (!ex.isTransient()) {
					throw ex;
				}
				if (attempt >= properties.maxAttempts()) {
					throw new TmdbException(ex.getMessage() + ", " + attempt + " attempts", true, ex.httpStatus(),
							ex.tmdbStatusCode());
				}
				Duration retryAfter = null;
				retries(endpoint, ex).increment();
				if (ex instanceof RateLimitedException limited) {
					rateLimiter.throttled();
					retryAfter = limited.retryAfter;
				}
				pause(attempt, retryAfter);
			}
		}
	}

	private JsonNode attempt(UriComponentsBuilder uri, String endpoint, BooleanSupplier wanted,
			Predicate<JsonNode> answers) {
		// asked before the wait, so an unwanted request takes no share of the budget, and after it
		abandonUnless(wanted);
		rateLimiter.acquire();
		abandonUnless(wanted);
		Timer.Sample sample = Timer.start(registry);
		String status = "IO_ERROR";
		try {
			Response response = http.get()
				.uri(withCredentials(uri.cloneBuilder()))
				.headers(this::authorize)
				.exchange((request, raw) -> new Response(raw.getStatusCode().value(), raw.getBody().readAllBytes(),
						raw.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
			status = Integer.toString(response.status());
			JsonNode body = response.body(endpoint);
			if (!answers.test(body)) {
				throw new TmdbException("TMDB " + endpoint + " answered 200 without what was asked for", true, 200, 0);
			}
			return body;
		}
		catch (ResourceAccessException ex) {
			// the exception's own message names the URL, which may carry the api key
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			throw new TmdbException("TMDB " + endpoint + " unreachable: " + cause.getClass().getSimpleName(), true,
					0, 0);
		}
		finally {
			sample.stop(Timer.builder("fleet.tmdb.requests")
				.description("TMDB requests, by endpoint and HTTP status")
				.tags("endpoint", endpoint, "status", status)
				.register(registry));
		}
	}

	/** Retries by the kind of failure that caused them. */
	private Counter retries(String endpoint, TmdbException failure) {
		String reason = switch (failure.httpStatus()) {
			case 0 -> "unreachable";
			case 200 -> "malformed";
			case 429 -> "rate_limited";
			case 408 -> "timeout";
			default -> failure.httpStatus() >= 500 ? "server_error" : "other";
		};
		return Counter.builder("fleet.tmdb.retries")
			.description("TMDB requests retried, by endpoint and the reason (rate_limited, server_error, unreachable, ...)")
			.tags("endpoint", endpoint, "reason", reason)
			.register(registry);
	}

	private static void abandonUnless(BooleanSupplier wanted) {
		if (!wanted.getAsBoolean()) {
			throw new RequestAbandoned();
		}
	}

	private URI withCredentials(UriComponentsBuilder uri) {
		if (!hasText(properties.readToken()) && hasText(properties.apiKey())) {
			uri.queryParam("api_key", properties.apiKey());
		}
		return uri.encode().build().toUri();
	}

	private void authorize(HttpHeaders headers) {
		if (hasText(properties.readToken())) {
			headers.setBearerAuth(properties.readToken());
		}
	}

	private void pause(int attempt, Duration retryAfter) {
		Duration pause;
		if (retryAfter != null) {
			pause = retryAfter;
		}
		else {
			long ceiling = Math.min(properties.retryMaxInterval().toMillis(),
					properties.retryInitialInterval().toMillis() << Math.min(attempt - 1, 20));
			pause = Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
		}
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TmdbException("interrupted while waiting to retry", true, 0, 0);
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/** What came back, read fully so the connection can be reused. */
	private record Response(int status, byte[] bytes, String retryAfter) {

		JsonNode body(String endpoint) {
			JsonNode json;
			try {
				json = FleetJson.MAPPER.readTree(bytes);
			}
			catch (JacksonException ex) {
				json = null;
			}
			if (status == 200) {
				if (json == null || !json.isObject()) {
					throw new TmdbException("TMDB " + endpoint + " sent a malformed body", true, status, 0);
				}
				return json;
			}
			int tmdbCode = json == null ? 0 : json.path("status_code").asInt(0);
			String message = "TMDB " + endpoint + " answered HTTP " + status
					+ (json == null ? "" : " (" + json.path("status_code").asInt(0) + ": "
							+ json.path("status_message").asString("") + ")");
			if (status == 429) {
				throw new RateLimitedException(message, tmdbCode, retryAfter(retryAfter));
			}
			// a 404 without TMDB's own code came from something in front of TMDB: ask again
			boolean notTmdbsNotFound = status == 404 && tmdbCode != TmdbException.TMDB_NOT_FOUND;
			throw new TmdbException(message, status >= 500 || status == 408 || notTmdbsNotFound, status, tmdbCode);
		}

		private static Duration retryAfter(String header) {
			try {
				return header == null ? null : Duration.ofSeconds(Math.min(Long.parseLong(header.trim()), 120));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	/** TMDB said 429; it may have said when to come back. */
	private static final class RateLimitedException extends TmdbException {

		private final Duration retryAfter;

		RateLimitedException(String message, int tmdbCode, Duration retryAfter) {
			super(message, true, 429, tmdbCode);
			this.retryAfter = retryAfter;
		}

	}

}
