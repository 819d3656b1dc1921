package org.tmdbfleet.gateway.movies;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** TMDB's image configuration as the persist workers last stored it: one row. */
@Entity
@Immutable
@Table(name = "image_configuration")
class ImageConfiguration {

	@Id
	private Boolean id;

	private String baseUrl;

	private String secureBaseUrl;

	private String[] posterSizes;

	private String[] backdropSizes;

	private String[] profileSizes;

	private Instant fetchedAt;

	protected ImageConfiguration() {
	}

	String getBaseUrl() {
		return baseUrl;
	}

	String getSecureBaseUrl() {
		return secureBaseUrl;
	}

	String[] getPosterSizes() {
		return posterSizes;
	}

	String[] getBackdropSizes() {
		return backdropSizes;
	}

	String[] getProfileSizes() {
		return profileSizes;
	}

	Instant getFetchedAt() {
		return fetchedAt;
	}

}
