package org.tmdbfleet.fetch.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.fetch.planning.ReleaseWindows.Window;
import org.tmdbfleet.fetch.tmdb.TmdbPage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Windows over a fake catalog: a list of release dates, counted the way TMDB's discover does. */
class ReleaseWindowsTests {

	private static final LocalDate FROM = LocalDate.of(1990, 1, 1);

	private static final LocalDate TO = LocalDate.of(2025, 12, 31);

	private static final LocalDate LATEST = LocalDate.of(2028, 11, 24);

	private final List<LocalDate> catalog = new ArrayList<>();

	private final List<DateRange> asked = Collections.synchronizedList(new ArrayList<>());

	private final ReleaseWindows windows = new ReleaseWindows(this::firstPage, LATEST);

	@Test
	void evenlySpreadMoviesNeedOneCutAndEveryPageOneIsKept() {
		releases(17_500, FROM, TO);

		List<Window> found = windows.split(new DateRange(FROM, TO), 17_500, Integer.MAX_VALUE);

		assertPartition(found, FROM, TO);
		assertThat(found).hasSize(3).allSatisfy(window -> assertThat(window.pages()).isLessThanOrEqualTo(500));
		assertThat(results(found)).isEqualTo(17_500);
		assertThat(asked).as("each request is a window's page 1").hasSameSizeAs(found);
	}

	@Test
	void crowdedYearsAreCutAgainUntilEveryWindowFits() {
		releases(6_000, FROM, LocalDate.of(2014, 12, 31));
		releases(40_000, LocalDate.of(2015, 1, 1), TO); // most movies are recent, as on TMDB

		List<Window> found = windows.split(new DateRange(FROM, TO), 46_000, Integer.MAX_VALUE);

		assertPartition(found, FROM, TO);
		assertThat(found).allSatisfy(window -> assertThat(window.pages()).isLessThanOrEqualTo(500));
		assertThat(results(found)).isEqualTo(46_000);
		assertThat(asked.size() - found.size()).as("page 1s of ranges that were cut again")
			.isLessThan(found.size());
	}

	@Test
	void aDayWithMoreThanTmdbServesIsOneWindowOfItsFirst500Pages() {
		LocalDate crowded = LocalDate.of(2000, 1, 1);
		releases(12_000, crowded, crowded);
		releases(3_000, FROM, TO);

		List<Window> found = windows.split(new DateRange(FROM, TO), 15_000, Integer.MAX_VALUE);

		assertPartition(found, FROM, TO);
		assertThat(found).filteredOn(window -> window.first().totalPages() > 500)
			.singleElement()
			.satisfies(window -> {
				assertThat(window.range()).isEqualTo(new DateRange(crowded, crowded));
				assertThat(window.pages()).isEqualTo(500);
			});
		assertThat(WindowedPlan.numbered(found, Integer.MAX_VALUE)).filteredOn(ImportWindow::truncated)
			.singleElement()
			.satisfies(window -> assertThat(window.from()).isEqualTo(crowded));
	}

	@Test
	void openBoundsStayOpenSoNothingOutsideTheCutPointsIsLost() {
		releases(3, LocalDate.of(1850, 6, 1), LocalDate.of(1850, 6, 1)); // before TMDB's oldest film
		releases(20_000, FROM, TO);
		releases(5, LocalDate.of(2090, 1, 1), LocalDate.of(2090, 1, 1)); // long after the cut points

		List<Window> found = windows.split(new DateRange(null, null), 20_008, Integer.MAX_VALUE);

		assertPartition(found, null, null);
		assertThat(results(found)).isEqualTo(20_008);
	}

	@Test
	void anOpenLowerBoundIsCutFromTheEarliestDayGivenAndStaysOpen() {
		releases(20_000, FROM, TO);
		ReleaseWindows fromFirstRelease = new ReleaseWindows(this::firstPage, FROM, LATEST, 500, 1);

		List<Window> found = fromFirstRelease.split(new DateRange(null, TO), 20_000, Integer.MAX_VALUE);

		assertPartition(found, null, TO);
		assertThat(results(found)).isEqualTo(20_000);
		// cut from 1874 instead, the first cut's ranges before 1990 would be asked for and hold no movie
		assertThat(asked).as("ranges asked for").allSatisfy(range -> assertThat(range.to()).isAfterOrEqualTo(FROM));
		assertThat(found).allSatisfy(window -> assertThat(window.first().totalResults()).isPositive());
	}

	@Test
	void maxPagesStopsTheSearchAndTheLastWindowIsCutShort() {
		releases(40_000, FROM, TO);

		List<Window> found = windows.split(new DateRange(FROM, TO), 40_000, 700);
		List<ImportWindow> numbered = WindowedPlan.numbered(found, 700);

		assertThat(asked).as("no range past the 700th page is asked for").hasSize(2);
		assertThat(numbered).extracting(ImportWindow::firstPage).containsExactly(1, numbered.get(0).pages() + 1);
		assertThat(numbered).extracting(ImportWindow::pages).containsExactly(numbered.get(0).pages(),
				700 - numbered.get(0).pages());
		assertThat(numbered.get(1).truncated()).isTrue();
		assertThat(numbered.get(0).truncated()).isFalse();
	}

	@Test
	void rangesAskedAheadMakeTheSameWindowsFromTheSameRequests() throws Exception {
		releases(6_000, FROM, LocalDate.of(2014, 12, 31));
		releases(40_000, LocalDate.of(2015, 1, 1), TO);
		List<Window> oneAtATime = windows.split(new DateRange(FROM, TO), 46_000, Integer.MAX_VALUE);
		List<DateRange> askedOneAtATime = List.copyOf(asked);
		asked.clear();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		ReleaseWindows ahead = new ReleaseWindows(range -> {
			mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			try {
				Thread.sleep(5); // TMDB's latency, shortened
				return firstPage(range);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				inFlight.decrementAndGet();
			}
		}, DateRange.EARLIEST, LATEST, 500, 8);

		List<Window> found = ahead.split(new DateRange(FROM, TO), 46_000, Integer.MAX_VALUE);

		assertThat(found).isEqualTo(oneAtATime);
		assertThat(asked).as("no request more than one at a time makes").containsExactlyInAnyOrderElementsOf(askedOneAtATime);
		assertThat(mostInFlight.get()).isBetween(2, 8);
	}

	@Test
	void aFailedProbeFailsThePlanWithTmdbsAnswer() {
		releases(40_000, FROM, TO);
		ReleaseWindows failing = new ReleaseWindows(range -> {
			if (range.from().getYear() > 2010) {
				throw new IllegalStateException("TMDB answered HTTP 401");
			}
			return firstPage(range);
		}, DateRange.EARLIEST, LATEST, 500, 4);

		assertThatIllegalStateException().isThrownBy(() -> failing.split(new DateRange(FROM, TO), 40_000, Integer.MAX_VALUE))
			.withMessage("TMDB answered HTTP 401");
	}

	@Test
	void windowsNumberTheImportsPagesWithoutGapOrOverlap() {
		releases(30_000, FROM, TO);

		List<ImportWindow> numbered = WindowedPlan.numbered(
				windows.split(new DateRange(FROM, TO), 30_000, Integer.MAX_VALUE), Integer.MAX_VALUE);

		int next = 1;
		for (ImportWindow window : numbered) {
			assertThat(window.firstPage()).isEqualTo(next);
			assertThat(window.pages()).isEqualTo((int) Math.ceilDiv(window.results(), 20));
			assertThat(window.truncated()).isFalse();
			next += window.pages();
		}
		assertThat(next - 1).as("30,000 movies, a partial last page per window at most")
			.isBetween(1500, 1500 + numbered.size() - 1);
	}

	@Test
	void aSingleDayCannotBeSplit() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> windows.split(new DateRange(FROM, FROM), 20_000, Integer.MAX_VALUE));
	}

	@Test
	void aRangeSplitsIntoConsecutiveDaysCoveringItExactly() {
		DateRange range = new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 10));

		assertThat(range.split(3, DateRange.EARLIEST, LATEST)).containsExactly(
				new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3)),
				new DateRange(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 6)),
				new DateRange(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10)));
		assertThat(range.split(10, DateRange.EARLIEST, LATEST)).allSatisfy(day -> assertThat(day.from()).isEqualTo(day.to()));
		assertThatIllegalArgumentException().isThrownBy(() -> range.split(11, DateRange.EARLIEST, LATEST));
	}

	/** No gap, no overlap: each window starts the day after the previous one ends. */
	@Test
	void aChangesImportsDaysAreAskedForFourteenAtATime() {
		LocalDate first = LocalDate.of(2026, 11, 1);
		assertThat(ChangesPlan.changeRequests(first, LocalDate.of(2026, 11, 30))).containsExactly(
				new DateRange(first, LocalDate.of(2026, 11, 14)),
				new DateRange(LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 28)),
				new DateRange(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30)));
		assertThat(ChangesPlan.changeRequests(first, first)).containsExactly(new DateRange(first, first));
		assertThat(ChangesPlan.changeRequests(null, null)).as("TMDB's default days")
			.containsExactly(new DateRange(null, null));
	}

	private static void assertPartition(List<Window> found, LocalDate from, LocalDate to) {
		assertThat(found.get(0).range().from()).isEqualTo(from);
		assertThat(found.get(found.size() - 1).range().to()).isEqualTo(to);
		for (int i = 1; i < found.size(); i++) {
			assertThat(found.get(i).range().from()).as("window " + i)
				.isEqualTo(found.get(i - 1).range().to().plusDays(1));
		}
	}

	private static long results(List<Window> found) {
		return found.stream().mapToLong(window -> window.first().totalResults()).sum();
	}

	private void releases(int movies, LocalDate from, LocalDate to) {
		SplittableRandom random = new SplittableRandom(movies);
		long days = to.toEpochDay() - from.toEpochDay() + 1;
		for (int i = 0; i < movies; i++) {
			catalog.add(from.plusDays(random.nextLong(days)));
		}
	}

	private TmdbPage firstPage(DateRange range) {
		asked.add(range);
		long results = catalog.stream()
			.filter(day -> range.from() == null || !day.isBefore(range.from()))
			.filter(day -> range.to() == null || !day.isAfter(range.to()))
			.count();
		return new TmdbPage(1, (int) Math.ceilDiv(results, 20), results, List.of());
	}

}
