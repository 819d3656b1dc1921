package org.tmdbfleet.gateway.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.ImportWindow;

/**
 * An import as the gateway records it, for reading: the commands write its row with SQL
 * ({@code imports}), the progress events too ({@code progress}). The counters are kept up to date
 * as progress arrives, so reading an import reads this one row.
 */
@Entity
@Immutable
@Table(name = "import_jobs")
class ImportJob {

	@Id
	private UUID id;

	private String source;

	@Enumerated(EnumType.STRING)
	private ImportStatus status;

	private Integer requestedPages;

	private Integer totalPages;

	private Long totalResults;

	private String error;

	private String windows;

	private Instant createdAt;

	private Instant startedAt;

	private Instant finishedAt;

	private Instant heartbeatAt;

	private int pagesFetched;

	private int pagesFailed;

	private int pagesRetrying;

	private long moviesExpected;

	private LocalDate exportDate;

	private String note;

	private long exportIds;

	private Instant sweptAt;

	private long moviesSwept;

	private long moviesDeleted;

	private long moviesPersisted;

	private long moviesNotFound;

	private long moviesFailed;

	protected ImportJob() {
	}

	UUID getId() {
		return id;
	}

	String getSource() {
		return source;
	}

	ImportStatus getStatus() {
		return status;
	}

	Integer getRequestedPages() {
		return requestedPages;
	}

	Integer getTotalPages() {
		return totalPages;
	}

	Long getTotalResults() {
		return totalResults;
	}

	/** The release-date windows of a windowed discover import, in date order; else empty. */
	List<ImportWindow> getWindows() {
		return (windows == null) ? List.of() : List.of(FleetJson.MAPPER.readValue(windows, ImportWindow[].class));
	}

	String getError() {
		return error;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getStartedAt() {
		return startedAt;
	}

	Instant getFinishedAt() {
		return finishedAt;
	}

	Instant getHeartbeatAt() {
		return heartbeatAt;
	}

	int getPagesFetched() {
		return pagesFetched;
	}

	int getPagesFailed() {
		return pagesFailed;
	}

	int getPagesRetrying() {
		return pagesRetrying;
	}

	long getMoviesExpected() {
		return moviesExpected;
	}

	long getMoviesPersisted() {
		return moviesPersisted;
	}

	long getMoviesNotFound() {
		return moviesNotFound;
	}

	long getMoviesFailed() {
		return moviesFailed;
	}

	LocalDate getExportDate() {
		return exportDate;
	}

	long getExportIds() {
		return exportIds;
	}

	Instant getSweptAt() {
		return sweptAt;
	}

	long getMoviesSwept() {
		return moviesSwept;
	}

	long getMoviesDeleted() {
		return moviesDeleted;
	}

	String getNote() {
		return note;
	}

}
