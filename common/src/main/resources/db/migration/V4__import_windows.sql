-- The release-date windows of a discover import split past TMDB's 500 pages, as the planner
-- reported them ([{from, to, firstPage, pages, results, truncated}], in date order); null for an
-- import that is one list. A retry maps a failed page back to its window with them.
alter table import_jobs add column windows jsonb;
