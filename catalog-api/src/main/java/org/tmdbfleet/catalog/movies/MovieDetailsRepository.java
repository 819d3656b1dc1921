package org.tmdbfleet.catalog.movies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** One stored movie as TMDB's details answer, its JSON written by PostgreSQL and passed through untouched. */
@Repository
class MovieDetailsRepository {

	/**
	 * The details document as TMDB gave it, without the appended parts not asked for; a movie
	 * known only from lists answers its list item as given. {@code -} removes top-level keys of a
	 * {@code jsonb}, so no document is parsed outside PostgreSQL.
	 */
	private static final String DETAILS = """
			select case when details is not null then (details - cast(? as text[]))::text else payload::text end,
			       updated_at
			from movies where tmdb_id = ? and deleted_at is null and coalesce(details, payload) is not null""";

	private final JdbcTemplate jdbc;

	MovieDetailsRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredDetails> find(long id, List<String> partsLeftOut) {
		String[] leftOut = partsLeftOut.toArray(String[]::new);
		return this.jdbc.query(DETAILS, (row, index) -> new StoredDetails(row.getString(1),
				row.getTimestamp(2).toInstant()), leftOut, id).stream().findFirst();
	}

	/** The answer's JSON and when its row last changed (the ETag and Last-Modified of the answer). */
	record StoredDetails(String json, Instant updatedAt) {
	}


}
