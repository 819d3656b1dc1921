package org.tmdbfleet.gateway.movies;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.criteria.Expression;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The catalog, read-only: no save or delete here, the persist workers own the rows. */
interface MovieRepository extends Repository<Movie, Long>, JpaSpecificationExecutor<Movie> {

	Optional<Movie> findById(long tmdbId);

	/**
	 * TMDB's JSON for the movie: the list item and the details the persist workers keep apart
	 * (migration V10), the newer one's keys laid over the older's, as they were stored merged
	 * before.
	 */
	@Query(value = """
			select cast(case when details is null then payload
			                 when payload is null then details
			                 when details_fetched_at >= list_fetched_at then payload || details
			                 else details || payload end as text)
			from movies where tmdb_id = :tmdbId""", nativeQuery = true)
	Optional<String> findPayload(@Param("tmdbId") long tmdbId);

	/**
	 * Title or original title contains the text, accents and case aside: the one trigram index
	 * over both titles folded (migration V15) finds the candidates, and each title is checked on
	 * its own, so a match spanning the two is none. The text is a bind parameter; LIKE's
	 * wildcards in it are escaped ({@code contains_pattern}), so they match themselves.
	 */
	static Specification<Movie> titleContains(String text) {
		if (text == null) {
			return Specification.unrestricted();
		}
		return (root, query, builder) -> {
			Expression<String> pattern = builder.function("contains_pattern", String.class, builder.literal(text));
			Expression<String> titles = builder.function("fold_titles", String.class, root.get("title"),
					root.get("originalTitle"));
			return builder.and(builder.like(titles, pattern, '\\'),
					builder.or(builder.like(builder.function("fold", String.class, root.get("title")), pattern, '\\'),
							builder.like(builder.function("fold", String.class, root.get("originalTitle")), pattern,
									'\\')));
		};
	}

	/** Movies TMDB still has, or all of them. */
	static Specification<Movie> present(boolean includeDeleted) {
		return includeDeleted ? Specification.unrestricted()
				: (root, query, builder) -> builder.isNull(root.get("deletedAt"));
	}

	static Specification<Movie> releasedIn(Integer year) {
		return (year == null) ? Specification.unrestricted()
				: (root, query, builder) -> builder.between(root.get("releaseDate"), LocalDate.of(year, 1, 1),
						LocalDate.of(year, 12, 31));
	}

	static Specification<Movie> inGenre(Integer genre) {
		return (genre == null) ? Specification.unrestricted()
				: (root, query, builder) -> ((HibernateCriteriaBuilder) builder)
					.arrayContains(root.<Integer[]>get("genreIds"), genre);
	}

}
