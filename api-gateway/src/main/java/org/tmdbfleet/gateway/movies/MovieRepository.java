package org.tmdbfleet.gateway.movies;

import java.time.LocalDate;
import java.util.Optional;

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
	 * Title or original title contains the text, case-insensitively:
	 * {@code lower(title) ilike ?}, the shape the trigram indexes on {@code lower(title)} and
	 * {@code lower(original_title)} serve (migration V2), so it stays fast on a million rows. The
	 * pattern is a bind parameter; LIKE's wildcards in the text are escaped, so they match
	 * themselves.
	 */
	static Specification<Movie> titleContains(String text) {
		if (text == null) {
			return Specification.unrestricted();
		}
		String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return (root, query, builder) -> {
			HibernateCriteriaBuilder hibernate = (HibernateCriteriaBuilder) builder;
			return builder.or(hibernate.ilike(builder.lower(root.get("title")), pattern, '\\'),
					hibernate.ilike(builder.lower(root.get("originalTitle")), pattern, '\\'));
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
