package org.tmdbfleet.gateway.web;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.domain.Page;

/**
 * One page of a list as the API shows it.
 *
 * @param items the page's items, in order
 * @param page where this page is in the whole list
 */
public record PageView<T>(List<T> items, Metadata page) {

	/** The page size when none is asked for. */
	public static final String DEFAULT_SIZE = "20";

	/** The largest page size. */
	public static final int MAX_SIZE = 100;

	/** The highest page number: keeps {@code page * size} an int, as JPA's offset must be. */
	public static final int MAX_PAGE = 10_000_000;

	public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageView<>(page.getContent().stream().map(mapper).toList(),
				new Metadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
	}

	/**
	 * @param number this page, from 0
	 * @param size the page size asked for
	 * @param totalElements items in the whole list
	 * @param totalPages pages in the whole list
	 */
	@Schema(name = "PageMetadata")
	public record Metadata(int number, int size, long totalElements, int totalPages) {
	}

}
