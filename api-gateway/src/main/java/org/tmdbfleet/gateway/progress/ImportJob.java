package org.tmdbfleet.gateway.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.ColumnTransformer;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.ImportWindow;

import org.springframework.data.domain.Persistable;

/**
 * An import as the gateway records it. Progress columns are written by set-based SQL in
 * {@link ImportProgressRepository}; this entity is for creating and reading.
 */
@Entity
@Table(name = "import_jobs")
class ImportJob implements Persistable<UUID> {

	@Id
	private UUID id;

	private String source;

	@ColumnTransformer(write = "?::jsonb")
	private String params;

	@Enumerated(EnumType.STRING)
	private ImportStatus status;

	private String idempotencyKey;

	private Integer requestedPages;

	private Integer totalPages;

	private Long totalResults;

	private String error;

	/** Written by {@link ImportProgressRepository#markPlanned}; see {@link #getWindows()}. */
	@Column(insertable = false, updatable = false)
	private String windows;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant startedAt;

	private Instant finishedAt;

	private Instant heartbeatAt;

	@Transient
	private boolean isNew;

	protected ImportJob() {
	}

	static ImportJob queued(UUID id, String source, String params, Integer requestedPages, String idempotencyKey,
			Instant now) {
		ImportJob job = new ImportJob();
		job.id = id;
		job.source = source;
		job.params = params;
		job.status = ImportStatus.QUEUED;
		job.idempotencyKey = idempotencyKey;
		job.requestedPages = requestedPages;
		job.createdAt = now;
		job.isNew = true;
		return job;
	}

	@Override
	public UUID getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	String getSource() {
		return source;
	}

	String getParams() {
		return params;
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

}
