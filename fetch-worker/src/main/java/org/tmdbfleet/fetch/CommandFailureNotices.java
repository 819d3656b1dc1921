package org.tmdbfleet.fetch;

import java.util.Optional;

import org.tmdbfleet.common.kafka.DeadLetterNotice;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.common.messages.PageFailed;

import org.springframework.stereotype.Component;

/**
 * A command that failed in a way nobody foresaw (its listener threw until the retries ran out)
 * is dead-lettered, and its import is told in the same transaction: the page, the movie or the
 * plan failed, with the reason. So no import waits forever for a command that is gone, and
 * {@code retry} heals it like any other failure.
 */
@Component
class CommandFailureNotices implements DeadLetterNotice {

	@Override
	public Optional<Notice> noticeOf(FleetMessage command, String reason) {
		return Optional.ofNullable(switch (command) {
			case ImportRequested request ->
				new Notice(Topics.PROGRESS, new ImportFailed(request.importId(), "planning failed: " + reason));
			case FetchPage page -> new Notice(Topics.PROGRESS, new PageFailed(page.importId(), page.page(), reason));
			case FetchDetails details ->
				new Notice(Topics.MOVIES, new MovieNotFetched(details.importId(), details.tmdbId(), false, reason));
			default -> null;
		});
	}

}
