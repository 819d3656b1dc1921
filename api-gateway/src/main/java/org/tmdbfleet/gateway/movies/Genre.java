package org.tmdbfleet.gateway.movies;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A TMDB movie genre as the persist workers last stored it (TMDB's list, read at each import's planning). */
@Entity
@Immutable
@Table(name = "genres")
class Genre {

	@Id
	private Integer id;

	private String name;

	protected Genre() {
	}

	Integer getId() {
		return id;
	}

	String getName() {
		return name;
	}

}
