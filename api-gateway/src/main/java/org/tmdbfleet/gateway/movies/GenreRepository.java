package org.tmdbfleet.gateway.movies;

import java.util.List;

import org.springframework.data.repository.Repository;

/** TMDB's genres, read-only. */
interface GenreRepository extends Repository<Genre, Integer> {

	List<Genre> findAllByOrderByNameAscIdAsc();

}
