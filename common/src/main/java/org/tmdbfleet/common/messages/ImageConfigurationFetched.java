package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.List;

/**
 * TMDB's image configuration ({@code images} of {@code /3/configuration}): a poster's URL is
 * {@code secureBaseUrl + size + posterPath}, with a size TMDB lists. Stored as it is, newest wins.
 *
 * @param baseUrl the http base, e.g. {@code http://image.tmdb.org/t/p/}
 * @param secureBaseUrl the https base, e.g. {@code https://image.tmdb.org/t/p/}
 * @param posterSizes e.g. {@code w92 … w780, original}
 */
public record ImageConfigurationFetched(int schemaVersion, String baseUrl, String secureBaseUrl,
		List<String> posterSizes, List<String> backdropSizes, List<String> profileSizes, Instant fetchedAt)
		implements FleetMessage {

	public ImageConfigurationFetched(String baseUrl, String secureBaseUrl, List<String> posterSizes,
			List<String> backdropSizes, List<String> profileSizes, Instant fetchedAt) {
		this(CURRENT_SCHEMA, baseUrl, secureBaseUrl, posterSizes, backdropSizes, profileSizes, fetchedAt);
	}

	public ImageConfigurationFetched {
		posterSizes = List.copyOf(posterSizes);
		backdropSizes = List.copyOf(backdropSizes);
		profileSizes = List.copyOf(profileSizes);
	}

	/** One key: the newest configuration is what counts. */
	@Override
	public String key() {
		return "image-configuration";
	}

}
