package org.tmdbfleet.fetch.planning;

import java.util.ArrayList;
import java.util.List;

import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ExportListed;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.fetch.control.ImportControl;
import org.tmdbfleet.fetch.paging.PagePublisher;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import org.tmdbfleet.fetch.tmdb.TmdbExports;

import org.springframework.stereotype.Component;

/**
 * A catalog import: the ids of TMDB's newest export, read whole before anything is sent, then
 * sent in parts, each in a transaction of its own; then the whole discover list in release-date
 * windows, like a discover import with no filters, whose pages list most of them. The gateway
 * sends the ids no window listed to their details once every page has an outcome. With {@code
 * details} there are no windows: every id goes to its details.
 */
@Component
class CatalogPlan {

	/** Export ids per {@link ExportListed} record (about 100 KB of JSON). */
	static final int EXPORT_PART = 10_000;

	private final TmdbExports exports;

	private final PagePublisher publisher;

	private final ImportControl control;

	private final ListPlan lists;

	CatalogPlan(TmdbExports exports, PagePublisher publisher, ImportControl control, ListPlan lists) {
		this.exports = exports;
		this.publisher = publisher;
		this.control = control;
		this.lists = lists;
	}

	PlanOutcome plan(ImportRequested request) {
		TmdbExports.Export export;
		try {
			export = exports.readLatest(ListPlan.filters(request).adultIncluded());
		}
		catch (TmdbException ex) {
			return PlanOutcome.failed(ex);
		}
		if (!publish(request, export)) {
			return PlanOutcome.CANCELLED;
		}
		if (request.details()) {
			return new PlanOutcome.Made(() -> publisher.send(Topics.PROGRESS,
					new ImportPlanned(request.importId(), 0, export.size())));
		}
		return lists.plan(new ImportRequested(request.importId(), ImportSource.DISCOVER, null, ImportFilters.NONE,
				request.requestedAt(), false));
	}

	/** The export's ids in parts; false when the import was cancelled meanwhile. */
	private boolean publish(ImportRequested request, TmdbExports.Export export) {
		List<Long> part = new ArrayList<>(EXPORT_PART);
		for (int id = export.ids().nextSetBit(0); id >= 0; id = export.ids().nextSetBit(id + 1)) {
			part.add((long) id);
			if (part.size() == EXPORT_PART) {
				if (!publishPart(request, export, part)) {
					return false;
				}
				part.clear();
			}
		}
		return part.isEmpty() || publishPart(request, export, part);
	}

	private boolean publishPart(ImportRequested request, TmdbExports.Export export, List<Long> ids) {
		if (control.isCancelled(request.importId())) {
			return false;
		}
		ExportListed part = new ExportListed(request.importId(), export.date(), ids);
		publisher.inOwnTransaction(() -> publisher.send(Topics.PROGRESS, part));
		return true;
	}

}
