package org.tmdbfleet.gateway.movies;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** TMDB's image configuration, read-only. */
interface ImageConfigurationRepository extends Repository<ImageConfiguration, Boolean> {

	Optional<ImageConfiguration> findById(Boolean id);

}
