package org.tmdbfleet.gateway.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tmdbfleet.common.messages.ExportListed;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportProgress;
import org.tmdbfleet.common.messages.MoviesPersisted;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.messages.PageFetched;

/**
 * The progress events of one poll, folded into what they change: each page's last word (a fetch
 * beats a failure, as in the database), the movies each import's pages listed, the imports they
 * touch, and the imports' status changes in the order they were written. Applied in one
 * transaction, a poll of any size costs a handful of statements.
 */
final class ProgressBatch {

	private final Map<PageKey, PageOutcome> pages = new LinkedHashMap<>();

	private final Map<UUID, Set<Long>> listed = new LinkedHashMap<>();

	private final Map<UUID, Set<Long>> exported = new LinkedHashMap<>();

	private final Map<UUID, LocalDate> exportDates = new LinkedHashMap<>();

	private final Set<UUID> imports = new LinkedHashSet<>();

	private final List<ImportProgress> statusChanges = new ArrayList<>();

	static ProgressBatch of(List<? extends ImportProgress> events) {
		ProgressBatch batch = new ProgressBatch();
		events.forEach(batch::add);
		return batch;
	}

	void add(ImportProgress event) {
		imports.add(event.importId());
		switch (event) {
			case PageFetched page -> {
				pages.put(new PageKey(page.importId(), page.page()), PageOutcome.FETCHED);
				listed.computeIfAbsent(page.importId(), id -> new LinkedHashSet<>()).addAll(page.movieIds());
			}
			case PageFailed page -> pages.merge(new PageKey(page.importId(), page.page()),
					PageOutcome.failed(page.reason()), (before, failure) -> before.fetched() ? before : failure);
			case ImportPlanned planned -> statusChanges.add(planned);
			case ImportFailed failed -> statusChanges.add(new ImportFailed(failed.importId(), storable(failed.reason())));
			case ExportListed part -> {
				exported.computeIfAbsent(part.importId(), id -> new LinkedHashSet<>()).addAll(part.movieIds());
				exportDates.put(part.importId(), part.exportDate());
			}
			case MoviesPersisted persisted -> {
				// its outcomes were counted by the persist worker; it only says the import moved
			}
		}
	}

	boolean isEmpty() {
		return imports.isEmpty();
	}

	Map<PageKey, PageOutcome> pages() {
		return pages;
	}

	Map<UUID, Set<Long>> listed() {
		return listed;
	}

	/** The export ids catalog imports read, by import. */
	Map<UUID, Set<Long>> exported() {
		return exported;
	}

	/** The date of the export each catalog import read (of its last part in the batch). */
	Map<UUID, LocalDate> exportDates() {
		return exportDates;
	}

	Set<UUID> imports() {
		return imports;
	}

	List<ImportProgress> statusChanges() {
		return statusChanges;
	}

	/** A reason as PostgreSQL's text can hold it: a NUL (TMDB's message may carry one) would refuse the batch. */
	private static String storable(String reason) {
		return (reason == null) ? null : reason.replace("\0", "");
	}

	record PageKey(UUID importId, int page) {
	}

	/** A page's outcome: fetched, or failed with a reason. */
	record PageOutcome(ImportProgressRepository.PageStatus status, String reason) {

		static final PageOutcome FETCHED = new PageOutcome(ImportProgressRepository.PageStatus.FETCHED, null);

		static PageOutcome failed(String reason) {
			return new PageOutcome(ImportProgressRepository.PageStatus.FAILED, storable(reason));
		}

		boolean fetched() {
			return status == ImportProgressRepository.PageStatus.FETCHED;
		}

	}

}
