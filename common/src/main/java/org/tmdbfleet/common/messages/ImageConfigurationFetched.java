package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * TMDB's image configuration ({@code images} of {@code /3/configuration}): a poster's URL is
 * {@code secureBaseUrl + size + posterPath}, with a size TMDB lists. Stored as it is, newest wins.
 *
 * @param baseUrl the http base, e.g. {@code http://image.tmdb.org/t/p/}
 * @param secureBaseUrl the https base, e.g. {@code https://image.tmdb.org/t/p/}
 * @param posterSizes e.g. {@code w92 … w780, original}
 * @param configuration TMDB's whole {@code /3/configuration} answer, unchanged ({@code images},
 * {@code change_keys}, unknown fields included); absent in records written before it existed
 */
public record ImageConfigurationFetched(int schemaVersion, String baseUrl, String secureBaseUrl,
		List<String> posterSizes, List<String> backdropSizes, List<String> profileSizes, Instant fetchedAt,
		JsonNode configuration) implements FleetMessage {

	public ImageConfigurationFetched(String baseUrl, String secureBaseUrl, List<String> posterSizes,
			List<String> backdropSizes, List<String> profileSizes, Instant fetchedAt, JsonNode configuration) {
		this(CURRENT_SCHEMA, baseUrl, secureBaseUrl, posterSizes, backdropSizes, profileSizes, fetchedAt,
				configuration);
	}

	/** The image fields only, as fetch workers sent them before the whole answer. */
	public ImageConfigurationFetched(String baseUrl, String secureBaseUrl, List<String> posterSizes,
			List<String> backdropSizes, List<String> profileSizes, Instant fetchedAt) {
		this(baseUrl, secureBaseUrl, posterSizes, backdropSizes, profileSizes, fetchedAt, null);
	}

	public ImageConfigurationFetched {
		posterSizes = List.copyOf(posterSizes);
		backdropSizes = List.copyOf(backdropSizes);
		profileSizes = List.copyOf(profileSizes);
		if (configuration != null && (configuration.isNull() || configuration.isMissingNode())) {
			configuration = null;
		}
	}

	/** One key: the newest configuration is what counts. */
	@Override
	public String key() {
		return "image-configuration";
	}

}
